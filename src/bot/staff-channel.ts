/** A second way to reach staff with their notices (a WeCom application), apart from the bot's WeChat account. */
export interface StaffChannel {
  /** Whether this staff member (a directory name) can be reached here. */
  reaches(name: string): boolean;
  /** Sends a text to a staff member this channel reaches; throws AppError CONTACT_NOT_FOUND when it cannot. */
  send(name: string, text: string): Promise<void>;
}
