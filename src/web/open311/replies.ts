import { deadlinePhrase } from '../../clock/china-time.js';
import type { Ticket } from '../../tickets/ticket.js';

/** What the Open311 API says to its clients (zh-CN, short): error descriptions and the filing notice. */
export const open311Replies = {
  postClosed: () => '本社区未开放通过接口提交诉求。',
  badKey: () => 'api_key 无效，请向社区申请接口密钥。',
  unknownService: (code: string) =>
    code === ''
      ? '请填写 service_code（可用的类别见 services.json）。'
      : `没有这个 service_code：${code}（可用的类别见 services.json）。`,
  noDescription: () => '请填写 description，说明具体问题。',
  descriptionTooLong: (max: number) => `description 最长 ${max} 个字，请精简后再提交。`,
  noLocation: () => '请提供 address_string，或 lat 和 long（经纬度）。',
  badCoordinates: () => 'lat 和 long 须是有效的纬度和经度（-90 到 90、-180 到 180）。',
  addressTooLong: (max: number) => `address_string 最长 ${max} 个字。`,
  tooLarge: () => '提交内容过大，请精简后再提交。',
  badBody: () => '请求内容无法读取：请用表单（application/x-www-form-urlencoded）或 JSON 提交。',
  badStatus: (value: string) => `status 只能是 open 或 closed，收到：${value}。`,
  badDate: (name: string) => `${name} 须是 ISO 8601 时间，例如 2026-12-01T09:00:00+08:00。`,
  badRange: () => 'start_date 须早于 end_date。',
  badId: (value: string) => `service_request_id 须是工单号（正整数），收到：${value}。`,
  notFound: (id: string) => `没有编号为 ${id} 的诉求。`,
  failed: () => '服务暂时出错，请稍后再试。',

  /** The answer to a filed request: the ticket number, who handles it and by when, and a danger line. */
  filed: (t: Ticket, agency: string, dangerLine: string) =>
    `已受理，工单 #${t.number}，由${agency}处理` +
    `${t.resolveBy ? `，预计${deadlinePhrase(t.resolveBy)}办结` : ''}。${dangerLine}`,
};
