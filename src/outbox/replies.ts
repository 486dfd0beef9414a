/** What the outbox itself says: several staff notices joined into one message. */
export const outboxReplies = {
  joinedNotices: (texts: readonly string[]) =>
    `您有 ${texts.length} 条新通知，合并发送：\n` +
    texts.map((text, i) => `【${i + 1}】${text}`).join('\n\n'),
};
