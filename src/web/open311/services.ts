import { CATEGORIES, type Category } from '../../labels/labels.js';
import { categoryName } from '../../tickets/ticket-text.js';

/** A category a request can be filed under: every label category but `none` (not a request). */
export type ServiceCode = Exclude<Category, 'none'>;

export const SERVICE_CODES: readonly ServiceCode[] = CATEGORIES.filter((c): c is ServiceCode => c !== 'none');

export const isServiceCode = (code: string): code is ServiceCode =>
  (SERVICE_CODES as readonly string[]).includes(code);

/** One GeoReport v2 service (`GET services`), fields in the specification's order. */
export type Service = {
  service_code: ServiceCode;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

/** The family a category belongs to (GeoReport `group`), and what it covers (labels.md, in Chinese). */
const SERVICE_TEXT: Record<ServiceCode, { group: string; covers: readonly string[] }> = {
  elevator: { group: '房屋与物业', covers: ['电梯'] },
  building_repair: { group: '房屋与物业', covers: ['楼道灯', '屋顶或管道渗漏', '单元门', '墙面'] },
  property_service: { group: '房屋与物业', covers: ['物业服务', '收费', '门禁', '保安'] },
  water_supply: { group: '水电气暖', covers: ['供水', '停水', '水质', '水压'] },
  power: { group: '水电气暖', covers: ['停电', '供电'] },
  gas: { group: '水电气暖', covers: ['燃气'] },
  heating: { group: '水电气暖', covers: ['供暖'] },
  sanitation: { group: '环境与市容', covers: ['垃圾', '环境卫生'] },
  noise: { group: '环境与市容', covers: ['噪音扰民'] },
  illegal_construction: { group: '环境与市容', covers: ['违建', '私搭乱建', '占用公共空间'] },
  greenery: { group: '环境与市容', covers: ['绿化', '树木'] },
  pollution: { group: '环境与市容', covers: ['油烟', '污水', '异味', '废气'] },
  parking: { group: '道路与交通', covers: ['停车', '占道', '僵尸车'] },
  road_facility: { group: '道路与交通', covers: ['道路', '路灯', '井盖', '市政设施'] },
  public_security: { group: '平安与消防', covers: ['治安', '盗窃', '可疑人员'] },
  fire_safety: { group: '平安与消防', covers: ['消防隐患', '电动车充电', '堵塞通道'] },
  elderly_care: { group: '民生服务', covers: ['养老', '助老', '残疾', '困难帮扶'] },
  labor_social_security: { group: '民生服务', covers: ['欠薪', '社保', '就业'] },
  market_food: { group: '民生服务', covers: ['食品安全', '商户', '价格'] },
  health: { group: '民生服务', covers: ['卫生健康', '防疫', '医疗'] },
  neighbor_dispute: { group: '邻里与咨询', covers: ['邻里纠纷'] },
  pets: { group: '邻里与咨询', covers: ['宠物', '犬只'] },
  consultation: { group: '邻里与咨询', covers: ['政策咨询', '办事咨询'] },
  other: { group: '邻里与咨询', covers: ['其他'] },
};

/** The services a client may file under: one per category, named in Chinese, grouped by family. */
export function serviceList(): Service[] {
  return SERVICE_CODES.map((code) => {
    const { group, covers } = SERVICE_TEXT[code];
    return {
      service_code: code,
      service_name: categoryName(code),
      description: `${categoryName(code)}：${covers.join('、')}`,
      // no extra attributes are asked for, so there is no service definition to fetch
      metadata: false,
      // the ticket number is known as soon as the request is filed
      type: 'realtime',
      keywords: covers.join(','),
      group,
    };
  });
}
