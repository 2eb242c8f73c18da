/**
 * Chinese word lists for the synthetic corpus, written for this project (no text is taken from any
 * archive). Each list is ordered from common to rare: `lexicon.ts` draws from it with Zipf
 * frequencies by position, so the first words dominate the way 政府 or 经济 dominate real news.
 */

/** Splits a whitespace-separated word list. */
function words(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}

/** Politics, diplomacy, law and security. */
export const POLITICS_NOUNS = words(`
  政府 国家 政策 关系 安全 领导人 外交 合作 主权 选举 人权 民主 法律 制裁 谈判 会谈 协议 冲突 战争
  和平 抗议 示威 改革 宪法 议会 国会 立法 法案 政党 反对派 执政党 总统选举 国家安全 外交关系 双边关系
  贸易战 冷战 边境 领土 台湾问题 香港问题 一国两制 统一 独立 自治 主权争议 军事演习 军演 导弹 核武器
  核试验 航母 战机 军舰 国防预算 军费 武器 军售 盟友 同盟 联盟 伙伴关系 战略 地缘政治 影响力 渗透 间谍
  情报 网络攻击 黑客 虚假信息 宣传 审查 言论自由 新闻自由 集会自由 宗教自由 人道主义 难民 移民 签证
  护照 庇护 引渡 驱逐 拘留 逮捕 审判 判决 上诉 刑期 监狱 政治犯 维权 上访 请愿 公民社会 非政府组织
  腐败 反腐 贪污 受贿 纪律 调查 巡视 党纪 党员 干部 官员 中央委员会 政治局 常委 全会 两会 人大 政协
  代表大会 党代会 领导层 接班人 任期 连任 换届 任命 辞职 罢免 弹劾 投票 公投 选民 候选人 民调 支持率
  竞选 初选 席位 联合政府 内阁 部长 外长 防长 大使馆 领事馆 外交官 联合声明 公报 决议 否决权 安理会
  联合国大会 峰会 论坛 会议 对话 磋商 斡旋 调解 停火 停战 撤军 驻军 维和 实体清单 黑名单 出口管制
  国家利益 核心利益 底线 红线 主张 立场 共识 分歧 争端 摩擦 紧张局势 危机 局势 事态 挑衅 威胁 施压
  报复 反制 谴责 严正交涉 国防 军队 武装部队 海军 空军 陆军 防空识别区 领空 领海 专属经济区 岛礁
  主权声索 航行自由 安全部队 反恐 恐怖袭击 极端主义 分裂主义 颠覆 煽动 国家机密 保密法 戒严 紧急状态
`);

/** Economy, markets, trade and industry. */
export const ECONOMY_NOUNS = words(`
  经济 市场 增长 投资 企业 贸易 出口 进口 关税 消费 就业 失业率 通胀 利率 降息 加息 央行 货币政策
  财政政策 货币 人民币 美元 欧元 日元 港元 汇率 股市 股价 指数 债券 国债 收益率 债务 地方债 违约 银行
  贷款 信贷 存款 金融 金融市场 资本 外资 外汇储备 资金 流动性 房地产 楼市 房价 开发商 土地 基础设施
  制造业 服务业 零售 顺差 逆差 供应链 产业链 芯片 半导体 能源 石油 油价 天然气 煤炭 电力 新能源 光伏
  电动车 汽车 钢铁 农业 粮食 大豆 猪肉 物价 消费者 需求 供给 产能 订单 利润 营收 财报 亏损 盈利 市值
  估值 上市 并购 收购 破产 重组 裁员 工资 收入 税收 减税 补贴 刺激计划 财政赤字 预算 国内生产总值
  季度 经济学家 投资者 股东 交易所 证监会 监管机构 监管 反垄断 罚款 平台经济 数字货币 比特币 加密货币
  电商 物流 航运 港口 旅游业 餐饮业 房贷 消费信心 经济衰退 经济复苏 软着陆 下行压力 结构改革 私营企业
  国有企业 民营经济 外贸 自由贸易协定 一带一路 贸易协议 贸易谈判 贸易摩擦 市场准入 知识产权 技术转让
  竞争力 生产率 人口红利 老龄化 出生率 劳动力 农民工 中产阶级 贫富差距 共同富裕 基金 保险 理财产品
  影子银行 不良贷款 资本外流 人民币国际化 跨境支付 大宗商品 铁矿石 黄金 金价 原油 期货 证券 券商
  私募 风险投资 营商环境 产业政策 内需 外需 出口商 进口商 关税壁垒 反倾销 补贴政策 贸易逆差
`);

/** Society, health, disasters, daily life and culture. */
export const SOCIETY_NOUNS = words(`
  社会 民众 居民 市民 学生 家长 学校 大学 教育 高考 医院 医生 病人 患者 疫情 病毒 疫苗 接种 病例
  确诊 死亡人数 感染 隔离 封城 检测 口罩 防疫 公共卫生 卫生部门 环境 污染 空气质量 雾霾 气候变化
  碳排放 碳中和 暴雨 洪水 洪灾 干旱 地震 台风 山火 高温 灾区 救援 灾民 事故 火灾 爆炸 交通事故
  警方 警察 公安 法院 检察院 律师 案件 嫌疑人 受害者 家属 网民 社交媒体 微博 微信 推特 视频 直播
  短视频 新闻 媒体 记者 报道 舆论 热搜 话题 文化 电影 艺术 音乐 文学 宗教 教会 寺庙 传统 节日 春节
  中秋节 住房 养老 养老金 医保 社保 退休 年轻人 老年人 儿童 妇女 女性 性别平等 婚姻 家庭 生育 人口
  城市 农村 村民 农民 工人 员工 白领 志愿者 慈善 捐款 食品安全 交通 地铁 高铁 机场 航班 游客 旅游
  体育 奥运会 世界杯 足球 篮球 运动员 比赛 冠军 失业 贫困 扶贫 户籍 城市化 拆迁 土地纠纷 垃圾分类
  网络暴力 诈骗 电信诈骗 毒品 枪支 暴力 治安 留学生 教师 课程 考试 毕业生 医疗 药品 医疗保险 精神健康
  心理健康 流感 传染病 公共场所 社区 小区 物业 租房 房租 出租车 快递 外卖骑手 网约车 博物馆 图书馆
`);

/** Technology, the internet and science. */
export const TECH_NOUNS = words(`
  科技 技术 互联网 平台 数据 数据安全 个人隐私 隐私 网络安全 人工智能 算法 大数据 云计算 智能手机 手机
  应用程序 软件 操作系统 芯片制造 光刻机 5G网络 通讯 电信 卫星 航天 火箭 太空 空间站 探月 火星 量子计算
  机器人 自动驾驶 电池 新能源汽车 充电桩 无人机 科研 研发 专利 创新 初创企业 科技公司 科技巨头 社交平台
  搜索引擎 游戏 网络游戏 区块链 防火墙 翻墙 网络审查 实名制 人脸识别 监控 摄像头 安卓 抖音 微信支付
  支付宝 电子支付 网购 直播带货 数字经济 数字化 半导体产业 晶圆 存储芯片 显示屏 数据中心 光纤 宽带
  智能制造 工业互联网 芯片出口 技术封锁 技术标准 开源 程序员 工程师 实验室 科学家 望远镜 基因编辑
`);

/** Abstract nouns every topic uses. */
export const GENERAL_NOUNS = words(`
  问题 情况 方面 工作 措施 计划 报告 消息 结果 影响 风险 挑战 机遇 目标 进展 发展 趋势 能力 作用 水平
  规模 程度 方式 方向 领域 项目 行动 决定 原因 背景 条件 责任 权利 利益 压力 成本 价格 数量 比例 时间
  过程 阶段 前景 未来 历史 现实 事实 信息 文件 规定 标准 制度 体系 机制 框架 模式 方案 建议 意见 批评
  声音 观点 看法 态度 担忧 疑虑 信心 期待 承诺 要求 原则 变化 差距 矛盾 关注 争议 讨论 统计数据 官方数据
  资料 细节 证据 真相 说法 言论 表态 讲话 演讲 采访 声明 通知 公告 通报 记录 档案 名单 清单 预测 评估
  分析 研究 白皮书 指导意见 时间表 路线图 后果 代价 教训 经验 动向 信号 空间 底气 共识 渠道 平衡 秩序
`);

/** Verbs that take a noun-phrase object. */
export const TRANSITIVE_VERBS = words(`
  推动 加强 扩大 支持 反对 批评 调查 限制 取消 恢复 暂停 讨论 审议 通过 签署 发布 公布 宣布 实施 启动
  提出 应对 处理 解决 关注 介绍 保护 维护 捍卫 破坏 影响 威胁 打击 制裁 谴责 指责 否认 承认 回应 评估
  审查 监管 管控 放宽 收紧 提高 降低 增加 减少 稳定 改善 优化 完善 落实 执行 推进 深化 拓展 建设 投资
  收购 出售 采购 生产 研发 开发 部署 派遣 撤回 接管 关闭 开放 封锁 审批 批准 否决 拒绝 接受 欢迎 感谢
  赞扬 质疑 揭露 曝光 报道 起诉 逮捕 拘留 释放 驳回 任命 召回 约见 会见 访问 出席 主持 召开 举行 参加
  协调 促进 保障 确保 避免 防止 阻止 呼吁 敦促 要求 警告 鼓励 允许 禁止 考虑 研究 分析 追踪 监测 记录
  公开 隐瞒 删除 屏蔽 修改 起草 修订 颁布 废除 延长 调整 提升 削减 冻结 没收 资助 援助 捐赠 重启 叫停
`);

/** Verbs of saying; they introduce reported speech after a comma. */
export const SPEECH_VERBS = words(`
  表示 说 指出 认为 强调 称 透露 坦言 警告 呼吁 重申 承认 否认 回应 声称 提到 补充说 直言 表态 宣称
  告诉记者 对媒体表示 在声明中说 在社交媒体上写道 在记者会上说 接受采访时说
`);

/** Verbs of change for figures (growth, decline). */
export const CHANGE_VERBS = words(`增长 下降 上涨 下跌 回落 攀升 减少 增加 扩大 收窄 反弹 放缓 加快 飙升 暴跌 回升 走低 走高`);

/** Adverbs placed before a verb. */
export const ADVERBS = words(`
  进一步 持续 大幅 明显 首次 再次 已经 正在 将 继续 全面 积极 迅速 逐步 严厉 公开 正式 紧急 高度 共同
  坚决 依法 尽快 不断 相继 陆续 罕见地 再度 暂时 同步 全力 计划 准备 决定 拟
`);

/** Adjectives used before 的 in a noun phrase. */
export const ADJECTIVES = words(`
  重要 严重 全球 国际 地区 长期 短期 主要 关键 巨大 激烈 复杂 稳定 敏感 潜在 广泛 深刻 积极 消极 不确定
  具体 明确 合理 公平 透明 独立 有效 强硬 温和 紧张 良好 重大 历史性 前所未有 罕见 普遍 严峻 核心 基本
  初步 最新 全面 多边 单边 双边 经济 政治 军事 社会 技术 金融 外交 民生 公共 新 更多 更大 不同 类似
`);

/** Countries and territories, most written about first. */
export const COUNTRIES = words(`
  中国 美国 日本 台湾 香港 俄罗斯 英国 韩国 欧盟 德国 法国 印度 澳大利亚 加拿大 朝鲜 乌克兰 新加坡 越南
  菲律宾 伊朗 以色列 意大利 印度尼西亚 马来西亚 泰国 巴基斯坦 土耳其 沙特阿拉伯 巴西 荷兰 波兰 缅甸
  澳门 新西兰 西班牙 瑞士 瑞典 立陶宛 捷克 蒙古 柬埔寨 老挝 阿富汗 哈萨克斯坦 南非 墨西哥 阿根廷 埃及
  尼日利亚 肯尼亚 埃塞俄比亚 伊拉克 叙利亚 卡塔尔 阿联酋 斯里兰卡 孟加拉国 尼泊尔 秘鲁 委内瑞拉 古巴
  塞尔维亚 白俄罗斯 匈牙利 希腊 挪威 芬兰 丹麦 奥地利 比利时 爱尔兰 葡萄牙 智利 所罗门群岛 巴拉圭
`);

/** Chinese provinces, regions and cities (mainland, Hong Kong, Macau, Taiwan). */
export const CHINA_PLACES = words(`
  北京 上海 广东 深圳 香港 台北 新疆 武汉 广州 四川 成都 湖北 浙江 杭州 江苏 南京 河南 郑州 重庆 天津
  西藏 拉萨 乌鲁木齐 内蒙古 湖南 长沙 河北 山东 济南 青岛 福建 福州 厦门 江西 南昌 安徽 合肥 广西 南宁
  云南 昆明 贵州 贵阳 陕西 西安 甘肃 兰州 青海 宁夏 黑龙江 哈尔滨 吉林 长春 辽宁 沈阳 大连 山西 太原
  海南 海口 三亚 东莞 佛山 珠海 苏州 无锡 宁波 温州 高雄 台中 台南 新竹 桃园 金门 澳门 喀什 伊犁 延边
  唐山 保定 洛阳 宜昌 九江 赣州 桂林 大理 徐州 烟台 常州 石家庄 呼和浩特 银川 西宁 鄂尔多斯 元朗 铜锣湾
`);

/** Provinces where the synthetic disasters of `events.ts` happen. */
export const DISASTER_PROVINCES = words(`四川 云南 河南 甘肃 湖北 广东 福建 浙江 江西 湖南 新疆 西藏 青海 贵州 广西 台湾 花莲`);

/** Cities outside China. */
export const WORLD_CITIES = words(`
  华盛顿 纽约 伦敦 东京 巴黎 柏林 布鲁塞尔 莫斯科 首尔 日内瓦 新德里 曼谷 河内 马尼拉 雅加达 吉隆坡 悉尼
  堪培拉 渥太华 多伦多 温哥华 洛杉矶 旧金山 大阪 平壤 基辅 孟买 墨尔本 罗马 马德里 维也纳 华沙 布拉格
  伊斯坦布尔 德黑兰 利雅得 迪拜 开罗 内罗毕 圣保罗 墨西哥城 慕尼黑 法兰克福 汉堡 里昂 斯德哥尔摩
  赫尔辛基 奥斯陆 哥本哈根 阿姆斯特丹 苏黎世 达沃斯 维尔纽斯 仰光 金边 乌兰巴托 檀香山 关岛 达卡
`);

/** Seas and straits, for drills and patrols. */
export const SEAS = words(`南海 台湾海峡 东海 黄海 日本海 印度洋 西太平洋 波罗的海 黑海 地中海 巴士海峡 马六甲海峡`);

/** Well-known institutions, ordered by how often the news names them. */
export const INSTITUTIONS = words(`
  外交部 国务院 联合国 美国国务院 白宫 欧盟委员会 世界卫生组织 商务部 国防部 中共中央 全国人大常委会
  香港特区政府 立法会 国台办 陆委会 美国国会 参议院 众议院 五角大楼 国家统计局 中国人民银行 美联储
  欧洲央行 财政部 公安部 国家卫健委 国家发改委 中央军委 解放军 海警 欧洲议会 日本政府 韩国政府 北约
  东盟 世界银行 国际货币基金组织 世界贸易组织 七国集团 二十国集团 上海合作组织 金砖国家 国际奥委会
  国际特赦组织 人权观察 无国界记者 红十字会 亚洲开发银行 亚投行 证监会 银保监会 网信办 市场监管总局
`);

/** Full names that news text follows with a Latin abbreviation in brackets. */
export const ABBREVIATED_INSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['北大西洋公约组织', 'NATO'],
  ['世界卫生组织', 'WHO'],
  ['世界贸易组织', 'WTO'],
  ['国际货币基金组织', 'IMF'],
  ['二十国集团', 'G20'],
  ['七国集团', 'G7'],
  ['亚太经合组织', 'APEC'],
  ['东南亚国家联盟', 'ASEAN'],
  ['石油输出国组织', 'OPEC'],
  ['国际原子能机构', 'IAEA'],
  ['全面与进步跨太平洋伙伴关系协定', 'CPTPP'],
  ['区域全面经济伙伴关系协定', 'RCEP'],
];

/** Companies and brands that appear in business news. */
export const COMPANIES = words(`
  华为 腾讯 阿里巴巴 苹果公司 特斯拉 字节跳动 台积电 比亚迪 百度 京东 小米 宁德时代 中芯国际 美团 拼多多
  联想 恒大 碧桂园 万科 微软 谷歌 亚马逊 英伟达 英特尔 高通 三星 索尼 丰田 大众 波音 空客 汇丰 渣打
  摩根大通 高盛 贝莱德 中石油 中石化 中国移动 滴滴 蚂蚁集团 大疆 海康威视 理想汽车 蔚来 网易 快手
`);

/** News agencies and papers quoted as sources (据…报道). */
export const MEDIA_SOURCES = words(`
  新华社 路透社 美联社 法新社 彭博社 官方媒体 当地媒体 共同社 中央社 南华早报 华尔街日报 纽约时报 金融时报
  人民日报 环球时报 央视 中新社 英国广播公司 明报 香港媒体 日本媒体 韩联社 塔斯社 半岛电视台 CNN 财新
`);

/** Time expressions that open a clause. */
export const TIME_WORDS = words(`
  今天 昨天 本周 近日 日前 当天 此前 目前 上周 今年 去年 上个月 本月初 前天 周一 周二 周三 周四 周五
  周末 今年上半年 过去一年 近年来 未来几年 下周 明年 当地时间周一 当地时间周二 当地时间周三 当地时间周四
  当地时间周五 本周稍早 今年以来 过去几个月 截至目前 同一天 数小时后 本月底
`);

/** Sentence openers that link a sentence to the one before. */
export const CONNECTORS = words(`
  此外 另外 与此同时 不过 然而 因此 对此 据悉 据了解 值得注意的是 另一方面 报道还说 分析人士认为
  有专家指出 外界普遍认为 事实上 目前 消息人士透露 观察人士指出 一位不愿具名的官员说 官方数据显示 数据显示
`);

/** Official and professional roles, put before a person's name on first mention. */
export const ROLES = words(`
  外交部发言人 外交部长 总统 总理 发言人 国务卿 议员 经济学家 分析师 教授 律师 官员 主席 国防部长 财政部长
  商务部长 央行行长 秘书长 副主席 立法会议员 市长 省长 大使 特使 董事长 首席执行官 创始人 首席经济学家
  学者 研究员 人权律师 维权人士 异见人士 作家 记者 导演 运动员 医生 专家 法官 检察官 党委书记 副部长
  局长 主任 行政长官 院长 校长 社会活动人士 艺术家 歌手 演员 企业家 前官员 前议员 退役将领 军事专家
`);

/** Figures reported in data sentences (出口同比增长3.2%). */
export const METRICS = words(`
  出口 进口 国内生产总值 零售销售 工业产出 消费者物价指数 失业率 房价 外汇储备 汽车销量 贸易顺差 财政收入
  固定资产投资 制造业采购经理人指数 新增贷款 社会融资规模 净利润 营收 股价 出生人数 游客人数 用电量
`);

/** Money units after an amount (120亿美元). */
export const MONEY_UNITS = words(`亿美元 亿元 万美元 万亿元 亿欧元 亿港元 亿日元 万元 亿新台币`);

/** Counting units after a whole number (3家, 12艘). */
export const COUNT_UNITS = words(`家 个 起 项 条 架次 艘 所 批 座`);

/** Groups of people counted in reports (已有120名学生被捕). */
export const PEOPLE_GROUPS = words(`
  民众 居民 学生 患者 记者 示威者 游客 工人 官员 志愿者 乘客 儿童 老人 医护人员 律师 选民 移民 难民 员工 士兵
`);

/** What happened to the people counted. */
export const OUTCOMES = words(`
  被捕 受伤 确诊 死亡 失业 参加投票 获释 受到影响 被迫撤离 被拘留 接种疫苗 获得赔偿 提出申诉 下落不明 参加集会
`);

/** Latin terms that Chinese news text uses as they are. */
export const LATIN_TERMS = words(`
  5G GDP AI G20 NATO WTO WHO IMF CPI PMI iPhone TikTok APEC G7 IPO NBA ASEAN OPEC ETF LNG CEO VPN App NGO
  Facebook Twitter YouTube Google Instagram Netflix iPad Android Windows OLED
`);

/**
 * Terms that only exist from a month on (`YYYY-MM`): a search for 新冠 should not find 2016 news.
 * `lexicon.ts` draws them only for articles dated on or after that month.
 */
export const ERA_TERMS: ReadonlyArray<readonly [string, string]> = [
  ['新冠疫情', '2020-01'],
  ['新冠病毒', '2020-01'],
  ['核酸检测', '2020-02'],
  ['COVID-19', '2020-02'],
  ['健康码', '2020-02'],
  ['清零政策', '2020-06'],
  ['港区国安法', '2020-06'],
  ['元宇宙', '2021-10'],
  ['俄乌战争', '2022-02'],
  ['乌克兰战争', '2022-02'],
  ['ChatGPT', '2022-12'],
  ['大模型', '2023-02'],
  ['生成式人工智能', '2023-03'],
  ['加沙冲突', '2023-10'],
  ['中美贸易战', '2018-03'],
  ['华为禁令', '2019-05'],
  ['反送中', '2019-06'],
  ['脱欧', '2016-06'],
  ['一带一路倡议', '2015-01'],
];

/** Section labels RTI puts in square brackets before its titles. */
export const RTI_SECTIONS = words(`两岸 国际 政治 财经 生活 社会 文化 科技 地方`);

/** Reuters-style title prefixes (焦点：…). */
export const TITLE_PREFIXES = words(`焦点 分析 综述 专访 评论 观察 独家 快讯 视频 图集 深度 解读`);

