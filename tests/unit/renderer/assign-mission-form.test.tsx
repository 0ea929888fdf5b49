import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../renderer/src/api/api-context';
import { AssignMissionForm } from '../../../renderer/src/views/team/AssignMissionForm';
import { teamOverview } from './fixtures/agent-week';
import { createFakeApi } from './helpers/fake-api';
import { freezeDate } from './helpers/render-app';

beforeEach(() => freezeDate()); // Thursday 12 March 2026
afterEach(() => vi.useRealTimers());

function renderForm() {
  const fake = createFakeApi({ overview: teamOverview() });
  const onDone = vi.fn();
  const user = userEvent.setup();
  render(
    <ApiProvider api={fake.api}>
      <AssignMissionForm overview={teamOverview()} onDone={onDone} />
    </ApiProvider>,
  );
  const form = screen.getByRole('form', { name: 'Assign a mission' });
  return { ...fake, onDone, user, form };
}

describe('AssignMissionForm says what the server would refuse, before sending', () => {
  it('refuses "0 of -5 solved" with the domain’s sentence and sends nothing', async () => {
    const { raw, user, form } = renderForm();
    await user.type(within(form).getByLabelText('Title'), 'Backlog');
    await user.clear(within(form).getByLabelText('At least'));
    await user.type(within(form).getByLabelText('At least'), '-5');
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'The tickets solved target is a whole number of tickets, 1 or more (got -5).',
    );
    expect(within(form).getByLabelText('At least')).toHaveAttribute('aria-invalid', 'true');
    expect(raw.assignMission).not.toHaveBeenCalled();
  });

  it('refuses "CSAT 150% or more", an empty title and an end date already gone, all at once', async () => {
    const { raw, user, form } = renderForm();
    await user.selectOptions(within(form).getByLabelText('Metric'), 'CSAT');
    await user.clear(within(form).getByLabelText('At least'));
    await user.type(within(form).getByLabelText('At least'), '150');
    await user.clear(within(form).getByLabelText('Ends on'));
    await user.type(within(form).getByLabelText('Ends on'), '2026-03-01');
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('Give the mission a title.');
    expect(alert).toHaveTextContent('The CSAT target is a percentage from 0 to 100 (got 150).');
    expect(alert).toHaveTextContent('The mission must end after it starts.');
    expect(raw.assignMission).not.toHaveBeenCalled();
  });

  it('an empty target is "not a number", not a target of 0', async () => {
    const { raw, user, form } = renderForm();
    await user.type(within(form).getByLabelText('Title'), 'Backlog');
    await user.clear(within(form).getByLabelText('At least'));
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The tickets solved target must be a number.');
    expect(raw.assignMission).not.toHaveBeenCalled();
  });

  it('an average mission gets the metric’s minimum sample, which the supervisor may change within 1…1000', async () => {
    const { raw, user, form, onDone } = renderForm();
    await user.type(within(form).getByLabelText('Title'), 'Faster first replies');
    await user.selectOptions(within(form).getByLabelText('Metric'), 'First reply time (avg)');
    expect(within(form).getByLabelText('Minimum sample')).toHaveValue(5);
    await user.clear(within(form).getByLabelText('At most'));
    await user.type(within(form).getByLabelText('At most'), '30');
    await user.clear(within(form).getByLabelText('Minimum sample'));
    await user.type(within(form).getByLabelText('Minimum sample'), '0');
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'The minimum sample is a whole number from 1 to 1000 (got 0).',
    );
    expect(raw.assignMission).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('Minimum sample'));
    await user.type(within(form).getByLabelText('Minimum sample'), '8');
    await user.click(within(form).getByRole('button', { name: 'Assign mission' }));
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(raw.assignMission).toHaveBeenCalledTimes(1);
    expect(raw.assignMission.mock.calls[0]![0]).toMatchObject({
      agentIds: [],
      teamId: 't-billing',
      spec: {
        title: 'Faster first replies',
        metric: 'frtAvgMinutes',
        comparator: 'atMost',
        target: 30,
        minSample: 8,
        window: { start: '2026-03-12T14:30:00.000Z' },
      },
    });
    expect(await within(form).findByRole('status')).toHaveTextContent('Mission assigned.');
    expect(onDone).toHaveBeenCalled();
  });
});
