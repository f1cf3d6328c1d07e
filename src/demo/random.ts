/** Deterministic pseudo-random choices for the sample data: numbers and Chinese names. */

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁琳晨欣怡婷雪颖倩琪慧莉晶瑶岚凤洁梅兰峰雷波亮';

export function makeNamer(random: () => number, taken: Set<string>): () => string {
  return () => {
    for (let attempt = 0; ; attempt++) {
      const s = SURNAMES[Math.floor(random() * SURNAMES.length)];
      const g1 = GIVEN[Math.floor(random() * GIVEN.length)];
      const g2 = attempt > 20 || random() < 0.45 ? GIVEN[Math.floor(random() * GIVEN.length)] : '';
      const name = s + g1 + g2;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
}
