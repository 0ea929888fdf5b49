import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context';
import type { Authenticator } from './authenticate';

export function registerSupervisorRoutes(_app: FastifyInstance, _ctx: AppContext, _authenticate: Authenticator): void {}
