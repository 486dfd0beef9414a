import type { Body, Category, Intent } from '../../labels/labels.js';
import { firstMatch } from './cue.js';
import type { Place } from './place.js';

export type BodyDecision = { body: Body; cue: string };

type Override = { body: Body; patterns: RegExp[] };

/** Specific matters that go to another body than the category's usual one (a dispatcher's routing knowledge). */
const OVERRIDES: Partial<Record<Category, Override[]>> = {
  elevator: [
    { body: 'market', patterns: [/年检|合格证|特种设备|检验/] },
    {
      body: 'housing',
      patterns: [/加装电梯.{0,20}(?:补贴|政策|流程|怎么|多少)|(?:补贴|政策).{0,10}加装电梯/],
    },
    { body: 'committee', patterns: [/加装电梯|(?:想|要)装电梯.{0,20}(?:同意|签字|协调|出面|做工作)/] },
  ],
  water_supply: [{ body: 'property', patterns: [/水箱|二次供水|加压泵|二次加压|高层.{0,6}水压/] }],
  building_repair: [
    { body: 'housing', patterns: [/维修基金|房屋安全|危房/] },
    { body: 'street_office', patterns: [/老(?:旧)?小区改造.{0,30}(?:有没有|啥时候|什么时候|轮到)/] },
  ],
  sanitation: [
    {
      body: 'urban_mgmt',
      patterns: [/什么垃圾|哪个桶|垃圾分类.{0,6}(?:怎么|标准)|公厕|建筑垃圾.{0,10}(?:偷|倒)/],
    },
  ],
  noise: [
    { body: 'property', patterns: [/装修|电钻|物业的|报警器|垃圾车/] },
    {
      body: 'urban_mgmt',
      patterns: [
        /工地|施工|打桩|搅拌车|混凝土|大喇叭|店.{0,8}喇叭|ktv|酒吧|店.{0,6}(?:音响|音乐)|商家|小贩|摊贩|吆喝|叫卖|健身房|商铺|修路|电镐|路面/,
      ],
    },
    {
      body: 'environment',
      patterns: [/排风机|压缩机|冷库|风机|冷却塔|机组|分贝|(?:店|饭馆|餐馆|超市|商场).{0,8}(?:空调|外机)/],
    },
  ],
  illegal_construction: [
    { body: 'housing', patterns: [/承重墙|房屋结构|危房/] },
    { body: 'property', patterns: [/开荒|种菜/] },
  ],
  greenery: [
    {
      body: 'landscaping',
      patterns: [
        /砍(?:了|掉)?.{0,6}树.{0,30}(?:审批|批)|审批|找谁批|行道树|公园|树.{0,8}砍(?:了|掉)|随便砍|私自砍/,
      ],
    },
  ],
  road_facility: [{ body: 'traffic_police', patterns: [/斑马线|红绿灯|信号灯|标线|交通灯/] }],
  fire_safety: [
    {
      body: 'fire',
      patterns: [
        /饭馆|饭店|烧烤店|餐馆|店(?:门口|后门)|网吧|商场|市场|酒楼|kTV|ktv|人行道|群租|消防控制室|安全出口|液化气罐|能不能推进|有规定吗/,
        // fire-safety rules and drills are the fire brigade's to explain
        /演练|消防知识|消防培训|有没有规定|什么规定|(?:能|可以|让|准)(?:不能|不)?.{0,6}(?:推|带|拿|放|搬)(?:回家|进家|上楼|进楼|到家|进电梯)/,
      ],
    },
  ],
  property_service: [
    {
      body: 'housing',
      patterns: [
        /公共收益|收费标准|什么标准|谁定的|涨到|涨价.{0,10}(?:同意|合法)|合法吗|政府定|公示|公布|账目/,
      ],
    },
    { body: 'street_office', patterns: [/业委会|业主大会|撤场|不干了|选聘/] },
  ],
  pets: [
    {
      body: 'police',
      patterns: [
        /咬|不拴绳|没拴绳|没牵绳|不牵绳|藏獒|禁养|大型犬|烈性犬|登记|狗证|流浪狗|毒狗|狗药|犬证|扑(?:人|到|向)/,
        /养狗.{0,8}(?:证|登记|办)|办.{0,3}证|犬只|狼狗|嘴套|嘴罩/,
      ],
    },
  ],
  elderly_care: [
    { body: 'committee', patterns: [/社区(?:能不能|帮|去|老年)|老年食堂|助餐点|看看|帮帮|电扇/] },
  ],
  labor_social_security: [{ body: 'street_office', patterns: [/公益岗/] }],
  pollution: [
    {
      body: 'urban_mgmt',
      patterns: [
        /油烟|烧烤|泔水|烧垃圾|烧(?:东西|废品|树叶)|废品站|焚烧|扬尘|工地|饭店|火锅店|餐馆|排风口|雨水井|smoke/,
      ],
    },
  ],
  consultation: [
    { body: 'housing', patterns: [/公租房|廉租房|保障房/] },
    { body: 'police', patterns: [/居住证(?!明)|户口(?!本)|落户|居住登记|迁入|身份证/] },
  ],
  other: [
    {
      body: 'street_office',
      patterns: [/形式主义|走形式|面子工程|标语|走访|回访|扣分|网格员|居委会|社区的人|创城|突击/],
    },
  ],
};

const DEFAULT_BODY: Record<Category, Body> = {
  elevator: 'property',
  water_supply: 'water_co',
  building_repair: 'property',
  power: 'power_co',
  gas: 'gas_co',
  heating: 'heating_co',
  sanitation: 'property',
  noise: 'police',
  illegal_construction: 'urban_mgmt',
  parking: 'property',
  greenery: 'property',
  road_facility: 'municipal',
  public_security: 'police',
  fire_safety: 'property',
  property_service: 'property',
  neighbor_dispute: 'committee',
  pets: 'committee',
  elderly_care: 'civil_affairs',
  labor_social_security: 'hrss',
  market_food: 'market',
  pollution: 'environment',
  health: 'health',
  consultation: 'committee',
  other: 'committee',
  none: 'none',
};

/** Parts of the building itself: with no property company, the housing department stands in. */
const BUILDING_MATTERS: ReadonlySet<Category> = new Set([
  'water_supply',
  'elevator',
  'building_repair',
  'heating',
]);

/** Place-aware default for the categories whose body depends on where the matter is. */
function placeBody(category: Category, place: Place): Body | undefined {
  if (place.kind === 'street') {
    const street: Partial<Record<Category, Body>> = {
      sanitation: 'urban_mgmt',
      parking: 'traffic_police',
      greenery: 'landscaping',
      fire_safety: 'fire',
      illegal_construction: 'urban_mgmt',
    };
    return street[category];
  }
  if (!place.hasProperty) {
    const old: Partial<Record<Category, Body>> = {
      building_repair: 'housing',
      elevator: 'housing',
      sanitation: 'committee',
      parking: 'committee',
      greenery: 'committee',
      fire_safety: 'committee',
      property_service: 'housing',
    };
    return old[category];
  }
  return undefined;
}

/** Who must act, from the category, the place and the specific matter named. */
export function decideBody(category: Category, place: Place, text: string, intent: Intent): BodyDecision {
  if (category === 'none') {
    return { body: 'none', cue: 'body:none' };
  }
  if (intent === 'emergency') {
    const emergencyBody: Partial<Record<Category, Body>> = {
      fire_safety: 'fire',
      elderly_care: 'police',
      elevator: place.hasProperty ? 'property' : 'housing',
    };
    const body = emergencyBody[category];
    if (body) {
      return { body, cue: `body:emergency→${body}` };
    }
  }
  for (const override of OVERRIDES[category] ?? []) {
    const hit = firstMatch(text, override.patterns);
    if (hit) {
      if (override.body === 'property' && place.kind === 'compound' && !place.hasProperty) {
        // a matter for a property company in a compound that has none (二区's roof tank): who stands in for it
        const standIn =
          placeBody(category, place) ?? (BUILDING_MATTERS.has(category) ? 'housing' : 'committee');
        return { body: standIn, cue: `body:${hit}→no-property→${standIn}` };
      }
      return { body: override.body, cue: `body:${hit}→${override.body}` };
    }
  }
  const fromPlace = placeBody(category, place);
  if (fromPlace) {
    return {
      body: fromPlace,
      cue: `body:${place.kind === 'street' ? 'street' : 'no-property'}→${fromPlace}`,
    };
  }
  return { body: DEFAULT_BODY[category], cue: `body:default→${DEFAULT_BODY[category]}` };
}
