export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'TICKET_NOT_FOUND'
  | 'ROOM_NOT_FOUND'
  | 'CONTACT_NOT_FOUND'
  | 'INVALID_COMMAND'
  | 'FORBIDDEN'
  | 'ILLEGAL_TRANSITION'
  | 'CLASSIFIER_UNAVAILABLE'
  | 'REDIS_UNAVAILABLE'
  | 'LOGIN_TIMEOUT'
  | 'WECHAT_UNREACHABLE'
  | 'WEB_PORT_IN_USE'
  | 'AUDIT_BROKEN';

/** The one failure type; expected outcomes are results, not exceptions. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? code, { cause: options?.cause });
    this.code = code;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
