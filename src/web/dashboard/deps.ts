import type { Context } from 'hono';
import type { Directory, Person } from '../../directory/directory.js';
import type { TicketStore } from '../../tickets/ticket-store.js';
import type { LoginCodes } from './login-codes.js';

/** What the dashboard reads and does: the store, the directory, the clock, and one way to reach a person. */
export type DashboardDeps = {
  tickets: Pick<TicketStore, 'listTickets' | 'getTicket' | 'events' | 'verifyAudit' | 'auditHead'>;
  directory: Directory;
  now: () => Date;
  /** Signs the session cookies and the share links (derived from the audit key; never shown). */
  secret: Buffer;
  /** Queues a private WeChat message to a person of the directory; the bot's outbox sends it. */
  sendPrivate(name: string, text: string): Promise<void>;
  /** Photos kept under DATA_DIR/media. */
  media: { read(ref: string): Promise<Uint8Array | undefined> };
  /** The month's Excel report (12345 bulletin shape), when the process can make it. */
  monthlyReport?: (month: string) => Promise<Uint8Array>;
  /** Masks personal numbers in what residents wrote before a page shows it. */
  mask: (text: string) => string;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies?: boolean;
};

/** The person logged in, on every page behind the login. */
export type DashboardEnv = { Variables: { person: Person } };

export type DashboardContext = Context<DashboardEnv>;

/** Internal: the dashboard's deps with its code book. */
export type DashboardState = DashboardDeps & { codes: LoginCodes };

export const isSupervisorPerson = (p: Person): boolean => p.roles.includes('supervisor');

/** Who may log in: anyone the directory names in a role (residents are not). */
export const mayLogIn = (p: Person): boolean => p.roles.some((r) => r !== 'resident');
