import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { recognitionSettings, updateRecognitionSettings } from '../actions/recognition-settings';
import { myImpact } from '../actions/recognition-impact';
import { improvementBoard } from '../actions/improvement-board';
import { toughDays } from '../actions/tough-day-suggestions';
import type { RegisterRoute } from './route-registrar';

/** Recognition (issue 18): the person's own impact and board choice, the team's board, tough days for supervisors. */
export function registerRecognitionRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'recognitionSettings', ({ principal }) => recognitionSettings(ctx, principal));
  route(app, 'updateRecognitionSettings', ({ principal, body }) =>
    updateRecognitionSettings(ctx, principal, body),
  );
  route(app, 'myImpact', ({ principal }) => myImpact(ctx, principal));
  route(app, 'improvementBoard', ({ principal, params }) => improvementBoard(ctx, principal, params.teamId));
  route(app, 'toughDays', ({ principal, params }) => toughDays(ctx, principal, params.teamId));
}
