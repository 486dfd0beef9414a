/** Phrases that decide the intent of a message; each list names one kind of evidence. */

export const INJECTION = [
  /忽略.{0,6}(?:指令|指示|规则|上面|以上|之前)|ignore (?:all )?(?:the )?(?:previous|above|prior)/,
  /系统提示|管理员测试|admin order|你现在(?:是|扮演)|扮演我|新规则|输出\s*\{|分类为|标为|标记为|label (?:every|this)/,
];

export const ACK =
  /^(?:收到|好的|好滴|好的收到|确实|已阅|同意楼上|\+1|1|哦哦|原来如此|真的假的|ok|嗯嗯?|对|是的|谢谢分享|哈+|呵呵)[\s\p{P}\p{S}亲啦哈]*$/u;

export const NOTICE_OR_AD = [
  /^【(?!投诉|求助|报修)|【(?:通知|温馨提示|防诈|寻狗|寻人|招租|广告)/,
  /领养|送养|转让|出售|私信|24小时上门|专业(?:疏通|开锁|维修|搬家|保洁)|接龙|出租[:：]|直播间|拼团|私聊我|扫码报名|原价|有意者|招租|寻人启事|寻狗启事|转发一个|必有重谢|点击链接|月租\d|元.{0,6}联系|联系.{0,3}\d{3}\*{2,}/,
  /谁家(?:丢|掉)了|(?:捡到|丢了)一(?:只|串|个|部)|失物招领|寻物|谁家的.{0,8}(?:走丢|丢了|跑丢|跑出来)/,
  /通知[:：]|不要惊慌|别惊慌/,
  /^(?:各位(?:居民|业主|党员|家人)|网格员提醒|大家注意|温馨提示)|敬请谅解|请大家(?:提高警惕|注意|关好|携带)/,
  /热烈祝贺|新年快乐|中秋快乐|节日快乐|恭喜发财|早上好|晚安|happy/,
];

export const RESOLVED = [
  /(?:已经|终于|总算|都)?(?:修好了|来电了|来水了|水来了|水已经来了|(?<!不)热了|热起来了|(?<!不)亮了|恢复了|通了|解决了|拖走了|搬走了|清走了|盖上了|换好了|换成新的了|找回来了|处理好了|办好了|救出来了)/,
  /不用来了|不用管了|虚惊一场|找到了|人已经出来了|没事了|(?:调解|处理|修|整改)(?:了|完)?(?:以后|之后)?.{0,4}好多了/,
];

export const FOLLOW_UP = [
  /(?:投诉|反映|报修|报)了.{0,4}(?:天|周|个月|礼拜)了?|没(?:人)?联系过我|还没人来|还是没人|到现在(?:还|也)?没|没个结果|石沉大海|一点回音|没有回音|人呢/,
  /反映了?(?:n|好几|多少|无数|[\d一二三四五六七八九十])次|第[\d一二三四五六七八九十]次反映|(?:上次|上周|之前|前天|昨天|刚才)(?:报修|报的|报了|反映|说的|提的|投诉)|报修的|报了.{0,4}(?:天|周|个月|礼拜)/,
  /工单|报修单|待处理|办结|已处理|已经处理|显示已|已转|转到哪|处理到哪|进度|修了个寂寞|白调了|照排不误|调解完|老样子|敷衍|修是修了/,
  /说好.{0,8}来|师傅来看过|来(?:人)?看过了|来过了|等师傅|请了.{0,4}假在家等/,
  /(?:说|讲|提|反映)了.{0,3}(?:[\d一二两三四五六七八九十几半]个?(?:天|周|月|礼拜|星期)|好久|多少回).{0,16}(?:还是|还没|依旧|照样|还(?:在|堆|那样))/,
  /after reporting|still no|any update|reported .{0,20}ago/,
  // the repair did not hold
  /修了(?:跟|和|等于)没修一样|白修了?|修了又坏|刚修(?:好|完)(?:没几天|就|又)|修好没(?:几|两)天又/,
  /(?:跟|和|等于)没(?:修|处理|管|弄)一样|白(?:处理|调解|管|跑|弄)了?|(?:修|处理|调解|管|整改)(?:了|过|完)?.{0,6}又(?:坏|回来|摆|开始|犯)|(?:来过|处理过|管过|罚过)(?:之后|以后|了).{0,12}又/,
  // a progress update on a visit already arranged
  /师傅说|(?:那)?我再等等/,
];

export const THANKS = /谢谢|感谢|多谢|表扬|点赞|点个赞|好评|辛苦了|thank|👍|给力|点赞/;
export const PRAISE_TARGET =
  /物业|师傅|社区|网格员|保安|民警|派出所|城管|供热|热力|供电|燃气公司|医生|处理|修|改造|讲座|义诊|工作人员|居委会|志愿者|主任|书记|服务|\b(?:fix|fixing|fixed|repair|repairing|help|service)/;
export const PRAISE = /干得.{0,2}不错|挺好的|挺实用|效率|舒服多了|太感谢|给力|好评|表扬/;

/** Questions about a rule or its consequence (会停电吗, 收不收, 按什么标准, 谁定的): information, not action. */
const RULE_QUESTION_SOURCE = /会(?:不会)?(?:直接)?.{0,6}吗|会不会|收不收|交不交|按什么|什么标准|谁定的/;
export const RULE_QUESTION = RULE_QUESTION_SOURCE;

/** A complaint's tone: with it, a question is rhetorical. */
export const COMPLAINT_TONE =
  /又|坏了|没人管|不管|凭什么|凭啥|不合理|投诉|怎么还|受不了|太(?:差|贵|慢|乱|吵|脏|过分)|[!！]{2}|到底|就是不|一直没|还没/;

/** Asking an office for information: how, where, when, what it costs, what to bring. */
export const PROCEDURE = [
  /办(?:什么|啥|哪些)(?:证|手续)|要办什么/,
  /请问|想问|问一下|问下|咨询一下|怎么(?:办|申请|交|预约|补|开通|充值|弄|收费|报|领|办理|操作|处理|查|算)|报备|跟谁说|如何|要带|带(?:啥|什么|哪些)|准备(?:啥|什么|哪些)|什么材料|哪些材料|材料/,
  /在哪(?:里|儿)?(?:办|交|开|充|补|打|投|申请|领|报)?|去哪(?:里|儿|个)?.{0,6}(?:办|交|补|领|看|打|问)|哪个.{0,4}(?:部门|医院|窗口|app)|(?:放|扔)哪|哪个(?:部门|app|桶|医院)|找谁|谁有|发我/,
  RULE_QUESTION_SOURCE,
  /(?:电话|联系方式|热线|号码)(?:是)?(?:多少|发一下|发我|有吗)|要不要(?:报批|审批|申请|登记|交)/,
  /多少钱|几点|什么时候|啥时候|多久|是全天吗|流程|手续|条件|规定吗|有规定|标准是|收费吗|免费吗|需要.{0,10}吗|能.{0,10}吗|可以.{0,10}吗/,
  /\b(?:how|where|what|when)\b/,
];

/** Questions that may be rhetorical inside a complaint (是不是, 有没有, 吗). */
export const WEAK_QUESTION = [/有没有|要不要|是不是|还是|吗|[?？]/];

/** Everyday frequency words (又, 天天): a complaint only next to a domain word. */
export const FREQUENCY = /又|天天|每天|一直|总是|好几|半天|一个多|几天了|个月了|年了|礼拜了|周了|老是|经常/;

export const PROBLEM = [
  /坏了|坏|漏|没人管|没下文|没回音|没消息|关了.{0,6}(?:分钟|小时)|困了|心有余悸|吓死|味(?:特别|很|太)?重|怪味|异味|没(?:修|人|批|发|盖|清|扫|管|来|法)|还是冷|冷的|被拒|不符合|卡在|不准|走快|翻了|多久没|要命|素质|去哪了|不方便|受不了|太贵|凭啥|凭什么|怎么会|谁来管|谁管|不管|投诉|太差|欺诈|违法|合法吗|不合理|合理吗|受够|吵|堵|臭|脏|危险|吓/,
  /赶紧|快来|尽快|派(?:个)?人|来(?:个)?师傅|来看看|处理一下|处理下|修一下|管管|求求|麻烦.{0,6}(?:处理|看|修|调解)|能不能(?:管|来|派|修|给|处理|出面|去|帮|找|换|调|清|多|安排)|安排人|上门帮/,
  FREQUENCY,
  /停了|停水了|没水了?|没电|停电了|不热|冰凉|冷得|不亮|不响|打不开|打不着|点不着|没拿到|不给|欠|拖了|被骗|被偷|丢了|差点|差一点|随时|晃|失灵|不动|没反应|不管用|不行了|没人|不听|不在岗|太慢|不对|占了|乱/,
  /\b(?:please send|not working|broken|stuck|help)\b/,
  // symptoms of a fault (水发黄, 生锈, 过期), delays (还没下来, 迟迟), rhetorical questions and violations
  /发黄|发黑|发臭|发霉|生锈|铁锈|锈(?:穿|透|得)|浑浊|过期|失效|松(?:了|动)|塌|裂|歪了|断了|掉渣/,
  /还没(?:下来|批|到账|发|办好|消息|结果|修|人)|迟迟|一直没|杳无音信|推来推去|踢皮球/,
  /能喝吗|敢喝|沉淀|黄黄的|浑浊/,
  /(?:能|可以)随便|随便.{0,4}(?:砍|挖|占|停|倒|扔|改|收)|(?:都|全)(?:黑|烂|发臭|臭|脏|坏)了/,
  /这不是.{1,10}吗|难道|像话吗|有没有王法|还有没有人管|违建|违规|违章|违法|形式主义|能不能别|别再|别搞|乱收费|乱(?:扔|倒|停|搭|贴|排)/,
];

/** Good news and sharing: a domain word in a happy sentence (the roses bloom, dancing is lively) is not a complaint. */
export const POSITIVE_CHATTER = /真好看|真热闹|好香|开得真好|好吃|好喝|好玩|推荐|真好|羡慕|萌|😍|😄/;

/** Jokes: with no strong domain evidence, a laughing message is small talk. */
export const JOKE = /哈哈|😂|🤣|笑死|\[捂脸\]|开玩笑/;

/** A scare the writer caused and settled (是我炒辣椒呛的, 原来是我喷了杀虫剂): nothing to act on. */
export const OWN_FALSE_ALARM =
  /原来是我|是我(?:家)?(?:自己)?.{0,8}(?:炒|煎|炸|烧|煮|烤|炖|熬|蒸|做饭|做菜|喷|抽|弄|搞)|大家别(?:慌|紧张|担心)|吓到大家|虚惊/;

/** A problem still present (不热, 不亮, 没水) means "隔壁都热了" is not a resolution. */
export const STILL_BROKEN = /不热|冰凉|不亮|还是没|还没|照样|还是(?:漏|坏|不)/;

/** Problem cues that show a complaint even without a domain word (not mere frequency words). */
export const STRONG_PROBLEM = PROBLEM.filter((p) => p !== FREQUENCY);

/** A request or complaint with no topic word (能不能, 麻烦, 希望, 怎么没人管, 太差了): a grievance for the committee. */
export const GENERAL_REQUEST =
  /能不能|能否|可不可以|麻烦|希望|请(?:尽快|帮忙|处理|安排|解决|管|给|帮)|怎么没人管|没人管|谁来管|投诉|反映一下|坏了|不行|太(?:差|脏|乱|吵|贵|慢|过分|危险|不方便|离谱)了?|不方便|爱答不理|没地方/;

/** Small talk that uses request words: asking neighbours, the group owner, buying and selling. */
export const NEIGHBOUR_ASK =
  /借(?:我|一下|用)|群主|谁家|有没有人(?:一起|要|想|去|有|会|知道|借|拼)|拼(?:车|单|团)|约(?:起|一下)|推荐|踢了|红包|哈哈|😂|好吃|好看|好玩/;
