import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import { agentWeek, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

describe('Team (supervisors)', () => {
  it('shows progress, streaks, who is due a thank-you with suggestions, and 3 Ps prompts', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    expect(raw.getTeamOverview).toHaveBeenCalledWith({ teamId: 't-billing' });
    expect(await screen.findByText(/Worth a thank-you soon:/)).toHaveTextContent(
      'Worth a thank-you soon: Kofi Mensah.',
    );
    const kofi = screen.getByRole('listitem', { name: 'Kofi Mensah' });
    expect(kofi).toHaveTextContent('No kudos since 21 days ago.');
    expect(kofi).toHaveTextContent(
      'Turned around a 1-star chargeback ticket to a satisfied rating (ticket 47950)',
    );
    const maya = screen.getByRole('listitem', { name: 'Maya Okafor' });
    expect(maya).toHaveTextContent('Streak 12 (longest 19)');
    expect(maya).toHaveTextContent('27 of 40 solved, 3 days left');
    expect(maya).toHaveTextContent('Ask Maya what would help her towards leading the queue.');
  });

  it('never claims "14 days without recognition" for someone with no kudos at all (they may be new)', async () => {
    const overview = teamOverview();
    const newcomer = {
      ...overview.members[1]!,
      personId: 'p-lee',
      name: 'Lee Chen',
      lastRecognisedAt: null,
      suggestions: [],
    };
    await renderApp({
      snapshot: supervisorWeek(),
      overview: { ...overview, members: [...overview.members, newcomer] },
    });
    const lee = await screen.findByRole('listitem', { name: 'Lee Chen' });
    expect(lee).toHaveTextContent('No kudos yet.');
    expect(lee).not.toHaveTextContent(/14 days/);
    expect(screen.getByText(/Worth a thank-you soon:/)).toHaveTextContent('Kofi Mensah and Lee Chen.');
  });

  it('names the sender of a team idea unless it was sent anonymously', async () => {
    const overview = teamOverview();
    const named = {
      ...overview.ideas[0]!,
      id: 'i-9',
      authorId: 'p-kofi',
      anonymous: false,
      title: 'Chargeback macro',
    };
    await renderApp({
      snapshot: supervisorWeek(),
      overview: { ...overview, ideas: [named, ...overview.ideas] },
    });
    const ideas = await screen.findByRole('region', { name: 'Team ideas' });
    const [first, second] = within(ideas).getAllByRole('listitem');
    expect(first).toHaveTextContent('From Kofi Mensah');
    expect(second).toHaveTextContent('Sent anonymously');
    expect(ideas).not.toHaveTextContent('From a team member');
  });

  it('turns a "nobody forgotten" nudge into kudos for that person in one click', async () => {
    const { user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    await user.click(await screen.findByRole('button', { name: 'Send Kofi Mensah kudos' }));
    const form = await screen.findByRole('form', { name: 'Send kudos' });
    expect(within(form).getByLabelText('Send to')).toHaveValue('p-kofi');
  });

  it('sends kudos to the whole team in one go, and asks what the team did first', async () => {
    const overview = teamOverview();
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview });
    await openView(user, 'Team');
    const form = await screen.findByRole('form', { name: `Kudos to everyone in ${overview.name}` });
    await user.click(within(form).getByRole('button', { name: 'Send to the whole team' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Say what the team did');
    expect(raw.sendTeamKudos).not.toHaveBeenCalled();
    await user.selectOptions(within(form).getByLabelText('The value they showed'), 'Ownership');
    await user.type(within(form).getByLabelText('What the team did'), 'Cleared the chargeback backlog');
    await user.click(within(form).getByRole('button', { name: 'Send to the whole team' }));
    expect(raw.sendTeamKudos).toHaveBeenCalledWith({
      teamId: overview.teamId,
      value: 'Ownership',
      message: 'Cleared the chargeback backlog',
      ticketId: null,
      ticketUrl: null,
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Sent to 2 people.');
  });

  it('assigns a mission to one agent', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const form = await screen.findByRole('form', { name: 'Assign a mission' });
    await user.selectOptions(within(form).getByLabelText('For'), 'Kofi Mensah');
    await user.type(within(form).getByLabelText('Title'), 'Clear the chargeback backlog');
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    expect(raw.assignMission).toHaveBeenCalledTimes(1);
    const body = raw.assignMission.mock.calls[0]![0] as {
      agentIds: string[];
      teamId: string | null;
      spec: { title: string; metric: string; comparator: string; target: number };
    };
    expect(body).toMatchObject({
      agentIds: ['p-kofi'],
      teamId: null,
      spec: { title: 'Clear the chargeback backlog', metric: 'solved', comparator: 'atLeast', target: 40 },
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Mission assigned.');
  });

  it('writes a coaching card with tasks, one per line', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const form = await screen.findByRole('form', { name: 'Write a coaching card' });
    await user.selectOptions(within(form).getByLabelText('For'), 'Kofi Mensah');
    await user.type(within(form).getByLabelText('Advice'), 'Use the refund checklist before replying.');
    await user.type(
      within(form).getByLabelText('Tasks, one per line'),
      'Read the checklist{enter}Pair with Maya',
    );
    await user.click(within(form).getByRole('button', { name: 'Send coaching card' }));
    expect(raw.writeCoachingCard).toHaveBeenCalledWith(
      expect.objectContaining({
        agentId: 'p-kofi',
        focusMetric: 'csatPct',
        advice: 'Use the refund checklist before replying.',
        tasks: [
          { text: 'Read the checklist', due: null },
          { text: 'Pair with Maya', due: null },
        ],
      }),
    );
  });

  it('moves an idea with an answer', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const ideas = await screen.findByRole('region', { name: 'Team ideas' });
    expect(ideas).toHaveTextContent('Sent anonymously');
    await user.selectOptions(within(ideas).getByLabelText('Status'), 'Planned');
    await user.type(within(ideas).getByLabelText('Your answer'), 'Trying it in April.');
    await user.click(within(ideas).getByRole('button', { name: 'Update idea: Fewer meetings on Mondays' }));
    expect(raw.moveIdea).toHaveBeenCalledWith({
      ideaId: 'i-3',
      status: 'planned',
      response: 'Trying it in April.',
    });
  });

  it('says what went wrong when the overview cannot load', async () => {
    const { user } = await renderApp({ snapshot: supervisorWeek() });
    await openView(user, 'Team');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The team overview could not be loaded: You are not a supervisor of this team.',
    );
  });
});

describe('Settings', () => {
  it('turns a game mechanic off in one click', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    const streaks = await screen.findByRole('checkbox', { name: 'Streaks' });
    expect(streaks).toBeChecked();
    await user.click(streaks);
    expect(raw.updateSettings).toHaveBeenCalledWith({
      optOut: { ...DEFAULT_SETTINGS.optOut, streaks: true },
    });
    expect(streaks).not.toBeChecked();
    await openView(user, 'Today');
    expect(screen.queryByRole('article', { name: 'Your streak' })).not.toBeInTheDocument();
  });

  it('sets focus mode, quiet hours and the pop-up budget, each saying what its state does', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    const focus = await screen.findByRole('checkbox', { name: 'Focus mode' });
    expect(focus).toHaveAccessibleDescription('Off: pop-ups arrive as they happen, at most 6 an hour.');
    await user.click(focus);
    expect(raw.updateSettings).toHaveBeenLastCalledWith({ focusMode: true });
    expect(focus).toHaveAccessibleDescription('On: pop-ups wait. Turn it off and they come as one digest.');
    const from = screen.getByLabelText('From');
    expect(from).toBeDisabled();
    const quiet = screen.getByRole('checkbox', { name: 'Quiet hours' });
    await user.click(quiet);
    expect(raw.updateSettings).toHaveBeenLastCalledWith({
      quietHours: { enabled: true, start: '18:00', end: '08:00' },
    });
    // Times as this machine's locale writes them, like the time fields beside them ("18:00" or "6:00 PM").
    const local = (h: number) =>
      new Date(2000, 0, 1, h, 0).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
    expect(quiet).toHaveAccessibleDescription(
      `On: from ${local(18)} to ${local(8)} pop-ups wait for a digest.`,
    );
    expect(from).toBeEnabled();
    const budget = screen.getByLabelText('Pop-ups an hour');
    await user.clear(budget);
    await user.type(budget, '3{Enter}');
    expect(raw.updateSettings).toHaveBeenLastCalledWith({ maxPopupsPerHour: 3 });
    expect(
      await screen.findByText('At most 3 pop-ups an hour; the rest wait for one digest.'),
    ).toBeInTheDocument();
  });

  it.each([
    ['', 'Enter how many pop-ups an hour, from 1 to 20.'],
    ['999', 'At most 20 an hour'],
    ['-3', 'At least 1 an hour. To stop pop-ups altogether, turn off “Pop-ups” below.'],
    ['2.5', 'Use a whole number from 1 to 20.'],
  ])('refuses %j pop-ups an hour with a sentence, and keeps the saved number', async (typed, message) => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    const budget = await screen.findByLabelText('Pop-ups an hour');
    await user.clear(budget);
    if (typed) await user.type(budget, typed);
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(raw.updateSettings).not.toHaveBeenCalledWith(
      expect.objectContaining({ maxPopupsPerHour: expect.anything() }),
    );
    expect(screen.getByText('At most 6 pop-ups an hour; the rest wait for one digest.')).toBeInTheDocument();
  });

  it('says what each game mechanic does in the state it is in: ticked means shown', async () => {
    const { user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    const streaks = await screen.findByRole('checkbox', { name: 'Streaks' });
    expect(streaks).toBeChecked();
    expect(streaks).toHaveAccessibleDescription('Shown: your streak and its milestones are on Today.');
    await user.click(streaks);
    expect(streaks).toHaveAccessibleDescription('Hidden. Your days still count; turn it back on any time.');
    expect(screen.queryByText(/Hide the streak/)).not.toBeInTheDocument();
  });

  it('offers "Start Sidekick when I log in" only where the host can do it', async () => {
    const browser = await renderApp({ snapshot: agentWeek() });
    await openView(browser.user, 'Settings');
    await screen.findByRole('checkbox', { name: 'Focus mode' });
    await waitFor(() => expect(browser.raw.getHostCapabilities).toHaveBeenCalled());
    expect(screen.queryByRole('checkbox', { name: /Start Sidekick/ })).not.toBeInTheDocument();
    browser.unmount();

    const desktop = await renderApp({ snapshot: agentWeek(), capabilities: { startAtLogin: true } });
    await openView(desktop.user, 'Settings');
    await desktop.user.click(await screen.findByRole('checkbox', { name: 'Start Sidekick when I log in' }));
    expect(desktop.raw.updateSettings).toHaveBeenLastCalledWith({ startAtLogin: true });
  });

  it('signs out', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Settings');
    await user.click(await screen.findByRole('button', { name: 'Sign out of this server' }));
    expect(raw.signOut).toHaveBeenCalled();
  });
});

describe('Team: career milestones', () => {
  it('records a certification on an agent’s timeline', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const form = await screen.findByRole('form', { name: 'Record a career milestone' });
    await user.selectOptions(within(form).getByLabelText('For'), 'Maya Okafor');
    await user.type(within(form).getByLabelText('Milestone'), 'Certified: billing specialist');
    await user.click(within(form).getByRole('button', { name: 'Add to timeline' }));
    expect(raw.recordMilestone).toHaveBeenCalledWith(
      expect.objectContaining({
        agentId: 'p-maya',
        kind: 'certification',
        title: 'Certified: billing specialist',
        detail: null,
      }),
    );
    expect(await within(form).findByRole('status')).toHaveTextContent('Added to their timeline.');
  });

  it('asks for a title before recording', async () => {
    const { raw, user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const form = await screen.findByRole('form', { name: 'Record a career milestone' });
    await user.click(within(form).getByRole('button', { name: 'Add to timeline' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Give the milestone a title');
    expect(raw.recordMilestone).not.toHaveBeenCalled();
  });
});
