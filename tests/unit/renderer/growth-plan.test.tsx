import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanView } from '../../../shared/domain/growth-plan-model';
import { portfolioLines } from '../../../renderer/src/views/timeline/portfolio';
import { agentWeek, supervisorWeek, teamOverview } from './fixtures/agent-week';
import { freezeDate, openView, renderApp } from './helpers/render-app';

beforeEach(() => freezeDate());
afterEach(() => vi.useRealTimers());

const mayasPlan = (): PlanView => ({
  plan: {
    agentId: 'p-maya',
    goal: { kind: 'role_here', text: 'Team lead for the billing queue' },
    skills: [
      {
        name: 'De-escalation',
        evidence: [
          { kind: 'kudos', value: 'Empathy', count: 3 },
          { kind: 'certification', name: 'Billing specialist', milestoneId: 'tl-6' },
        ],
      },
    ],
    visibility: 'supervisor',
    nextCheckIn: '2026-03-13',
    lastCheckIn: null,
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00Z',
  },
  progress: {
    met: 1,
    total: 2,
    ratio: 0.5,
    skills: [
      {
        name: 'De-escalation',
        met: 1,
        total: 2,
        evidence: [
          { key: 'kudos:Empathy:3', label: '3 kudos for Empathy', met: false, have: 2, need: 3 },
          {
            key: 'certification:billing specialist',
            label: 'Certification: Billing specialist',
            met: true,
            have: 1,
            need: 1,
          },
        ],
      },
    ],
  },
  checkIn: 'soon',
});

describe('My plan (profile)', () => {
  it('starts a plan from the agent’s own records and saves it whole, private until shared', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Profile');
    const section = screen.getByRole('region', { name: 'My plan' });
    expect(within(section).getByText('No plan yet')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Start a plan' }));
    await user.type(within(section).getByLabelText('Goal'), 'Team lead for the billing queue');
    await user.type(within(section).getByLabelText('New skill'), 'De-escalation');
    await user.click(within(section).getByRole('button', { name: 'Add skill' }));
    const picker = within(section).getByRole('group', { name: 'Add evidence to De-escalation' });
    await user.clear(within(picker).getByLabelText('How many'));
    await user.type(within(picker).getByLabelText('How many'), '3');
    await user.click(within(picker).getByRole('button', { name: 'Add evidence' }));
    await user.selectOptions(within(picker).getByLabelText('Evidence'), 'A mission');
    await user.click(within(picker).getByRole('button', { name: 'Add evidence' }));
    await user.selectOptions(within(picker).getByLabelText('Evidence'), 'A certification');
    await user.type(within(picker).getByLabelText('Certification'), 'Billing specialist');
    await user.selectOptions(within(picker).getByLabelText('Recorded as'), 'Certified: Billing specialist');
    await user.click(within(picker).getByRole('button', { name: 'Add evidence' }));
    expect(within(section).getByLabelText('Who can see this plan')).toHaveValue('me');
    await user.type(within(section).getByLabelText('Next check-in'), '2026-03-20');
    await user.click(within(section).getByRole('button', { name: 'Save plan' }));
    expect(raw.savePlan).toHaveBeenCalledWith({
      goal: { kind: 'role_here', text: 'Team lead for the billing queue' },
      skills: [
        {
          name: 'De-escalation',
          evidence: [
            { kind: 'kudos', value: 'Empathy', count: 3 },
            { kind: 'mission', missionId: 'm-solve-40', label: 'Solve 40 tickets this week' },
            { kind: 'certification', name: 'Billing specialist', milestoneId: 'tl-6' },
          ],
        },
      ],
      visibility: 'me',
      nextCheckIn: '2026-03-20',
      seenCheckInAt: null,
    });
  });

  it('refuses a plan without a goal before sending it', async () => {
    const { raw, user } = await renderApp({ snapshot: agentWeek() });
    await openView(user, 'Profile');
    const section = screen.getByRole('region', { name: 'My plan' });
    await user.click(within(section).getByRole('button', { name: 'Start a plan' }));
    await user.click(within(section).getByRole('button', { name: 'Save plan' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Say where you want to go');
    expect(raw.savePlan).not.toHaveBeenCalled();
  });

  it('shows the progress the server read, the next check-in and who sees it', async () => {
    const { user } = await renderApp({ snapshot: { ...agentWeek(), plan: mayasPlan() } });
    await openView(user, 'Profile');
    const section = screen.getByRole('region', { name: 'My plan' });
    expect(section).toHaveTextContent('Team lead for the billing queue');
    expect(section).toHaveTextContent('1 of 2 pieces of evidence · Seen by: me and my supervisor');
    expect(section).toHaveTextContent('Check-in soon: Fri 13 Mar');
    expect(section).toHaveTextContent('3 kudos for Empathy (2/3) — not yet');
    expect(section).toHaveTextContent('Certification: Billing specialist — done');
    expect(section).not.toHaveTextContent('Last check-in');
  });

  it('says when the supervisor last checked in and what was agreed', async () => {
    const view = mayasPlan();
    const plan = {
      ...view,
      plan: {
        ...view.plan,
        lastCheckIn: { at: '2026-03-10T15:00:00Z', byName: 'Sofia Brandt', note: 'Lead the Tuesday huddle' },
      },
    };
    const { raw, user } = await renderApp({ snapshot: { ...agentWeek(), plan } });
    await openView(user, 'Profile');
    const section = screen.getByRole('region', { name: 'My plan' });
    expect(section).toHaveTextContent('Last check-in Tue 10 Mar with Sofia Brandt: Lead the Tuesday huddle');
    // A save says which check-in the editor was opened with: one recorded meanwhile keeps its agreed date.
    await user.click(within(section).getByRole('button', { name: 'Edit plan' }));
    await user.click(within(section).getByRole('button', { name: /save/i }));
    expect(raw.savePlan).toHaveBeenCalledWith(
      expect.objectContaining({ seenCheckInAt: '2026-03-10T15:00:00Z' }),
    );
  });
});

describe('Growth plans (team view)', () => {
  it('lists the check-ins to prepare and the plans agents shared', async () => {
    const { raw, user } = await renderApp({
      snapshot: supervisorWeek(),
      overview: teamOverview(),
      plans: {
        plans: [{ ...mayasPlan(), name: 'Maya Okafor', agentId: 'p-maya' }],
        checkInsDue: [
          {
            agentId: 'p-maya',
            name: 'Maya Okafor',
            goal: 'Team lead for the billing queue',
            nextCheckIn: '2026-03-13',
            checkIn: 'soon',
          },
        ],
      },
    });
    await openView(user, 'Team');
    const section = await screen.findByRole('region', { name: 'Growth plans' });
    expect(await within(section).findByText('Check-ins to prepare')).toBeInTheDocument();
    expect(section).toHaveTextContent('Maya Okafor — Check-in soon: Fri 13 Mar');
    expect(section).toHaveTextContent(
      'Maya Okafor: Team lead for the billing queue · 1 of 2 pieces of evidence',
    );
    expect(raw.getTeamPlans).toHaveBeenCalledWith({ teamId: 't-billing' });
    await user.click(within(section).getByText('Team lead for the billing queue'));
    const form = within(section).getByRole('form', { name: 'Record a check-in with Maya Okafor' });
    await user.type(within(form).getByLabelText('What you agreed'), 'Maya leads Tuesday’s huddle');
    await user.type(within(form).getByLabelText('Next check-in'), '2026-03-27');
    await user.click(within(form).getByRole('button', { name: 'Record check-in' }));
    expect(raw.recordCheckIn).toHaveBeenCalledWith({
      agentId: 'p-maya',
      note: 'Maya leads Tuesday’s huddle',
      nextCheckIn: '2026-03-27',
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Check-in recorded');
    expect(raw.getTeamPlans).toHaveBeenCalledTimes(2);
  });

  it('says why the list is empty when nobody shares a plan', async () => {
    const { user } = await renderApp({ snapshot: supervisorWeek(), overview: teamOverview() });
    await openView(user, 'Team');
    const section = await screen.findByRole('region', { name: 'Growth plans' });
    expect(await within(section).findByText('No shared plans')).toBeInTheDocument();
    expect(within(section).queryByText('Check-ins to prepare')).toBeNull();
  });
});

describe('the portfolio', () => {
  it('includes the growth plan: goal, progress and each piece of evidence', () => {
    const sections = portfolioLines({ ...agentWeek(), plan: mayasPlan() });
    const plan = sections.find((s) => s.heading === 'Growth plan');
    expect(plan?.lines).toEqual([
      'Goal (a role here): Team lead for the billing queue',
      'Progress: 1 of 2 pieces of evidence',
      'Next check-in: Fri 13 Mar',
      'De-escalation: 1 of 2 pieces of evidence',
      '  [to do] 3 kudos for Empathy (2/3)',
      '  [done] Certification: Billing specialist',
    ]);
    expect(portfolioLines(agentWeek()).some((s) => s.heading === 'Growth plan')).toBe(false);
  });
});
