import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context';

export function registerWebhookRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
