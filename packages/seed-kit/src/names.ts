import type { Random } from "./random.js";

// Syllables of the kind rural Sichuan place names are made of; combined, they give plausible,
// clearly invented township and village names.
const PLACE_FIRST =
  "青 石 柏 桂 龙 凤 安 福 新 平 永 兴 太 和 金 白 黄 红 三 五 双 马 鹤 花 竹 松 梅 清 长 高".split(" ");
const PLACE_SECOND = "林 桥 溪 坪 坝 山 岩 河 湾 田 塘 沟 岭 池 园 场 口 滩 岗 峰".split(" ");

export function placeName(random: Random): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND);
}

const SURNAMES =
  "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 罗 高 林 郑 谢 唐 冯 邓 曾 彭 蒋 蔡 余".split(" ");
const GIVEN =
  "子 涵 浩 宇 欣 怡 梓 轩 雨 萱 俊 杰 佳 琪 思 远 明 晨 婷 博 文 静 嘉 豪 一 诺 雅 若 晗 泽".split(" ");

export function surname(random: Random): string {
  return random.pick(SURNAMES);
}

/** A plausible two- or three-character Chinese personal name. */
export function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}
