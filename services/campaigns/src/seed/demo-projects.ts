import { cities } from "@lamplight/regions";
import { DEMO_PROJECTS } from "@lamplight/seed-kit";
import { ProjectStatus } from "../generated/prisma/enums.js";

const PROVINCE = ["510000"];

/** What each of the programme's projects is, whom it serves and where it stands (demo figures). */
const DETAILS: Record<
  string,
  { description: string; regionCodes: string[]; status: ProjectStatus; steps: string[] }
> = {
  MOBILE_LIBRARY: {
    description:
      "出版集团为全省21个市（州）各捐赠一辆流动爱心图书车，定期开进留守学生之家，送书、换书、组织阅读。",
    regionCodes: cities().map((city) => city.code),
    status: ProjectStatus.UNDER_WAY,
    steps: ["21辆图书车交付", "每车首批3000册图书配送", "全年巡回阅读服务"],
  },
  PARENTS_WORKPLACE: {
    description: "组织留守学生在暑假到父母务工的城市，看看爸妈工作的地方，与父母团聚。",
    regionCodes: PROVINCE,
    status: ProjectStatus.FUNDRAISING,
    steps: ["确定务工城市与企业", "暑期出行"],
  },
  SINGLE_MOTHERS_BASE: {
    description: "建设留守单亲母亲培训基地，开展技能培训和家庭教育培训。",
    regionCodes: PROVINCE,
    status: ProjectStatus.FUNDRAISING,
    steps: ["基地选址", "首期培训班开班"],
  },
  SPORTS_CENTRE: {
    description: "省体育局以体育彩票公益金捐建留守学生体育活动中心。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["场地设计", "主体建设", "投入使用"],
  },
  OLYMPIC_JOURNEY: {
    description: "“奥运之旅”：留守学生走进体育赛事和训练基地，感受体育精神。",
    regionCodes: PROVINCE,
    status: ProjectStatus.PLANNED,
    steps: ["遴选学生"],
  },
  FAMILY_CALLS: {
    description: "通信运营商为示范留守学生之家安装亲情电话并给予优惠资费，让孩子定期给父母打电话。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["55个示范之家安装IP电话", "推广到全部留守学生之家"],
  },
  GOOD_BOOKS_AND_PLAYS: {
    description: "“好书好戏进家园”：为留守学生之家配送图书，组织电影放映和戏剧演出。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["片单与书单确定", "巡回放映"],
  },
  SUMMER_WINTER_CAMPS: {
    description: "寒暑假冬夏令营：学习、文体活动和心理辅导。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["冬令营", "夏令营"],
  },
  SELF_PROTECTION: {
    description: "“我是小大人”自护演练和模拟少年法庭，提升留守学生的安全和法治意识。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["教案编写", "各市巡回演练"],
  },
  SCIENCE_MUSEUM_VISITS: {
    description: "组织留守学生走进科技馆，开阔眼界，培养科学兴趣。",
    regionCodes: PROVINCE,
    status: ProjectStatus.FUNDRAISING,
    steps: ["与科技馆签订协议"],
  },
  HOME_EQUIPMENT: {
    description: "按“六个一”标准为留守学生之家配置电视、电脑、DVD、电话等设备，统一采购、物流配送。",
    regionCodes: PROVINCE,
    status: ProjectStatus.UNDER_WAY,
    steps: ["统一招标采购", "分批配送到家", "验收"],
  },
};

export interface DemoProjectRows {
  projects: object[];
  milestones: object[];
}

/** The 11 projects (fixed ids from seed-kit, shared with funding) and their milestones in 2026. */
export function demoProjects(): DemoProjectRows {
  const projects: object[] = [];
  const milestones: object[] = [];
  for (const project of DEMO_PROJECTS) {
    const details = DETAILS[project.code]!;
    projects.push({
      id: project.id,
      code: project.code,
      name: project.name,
      description: details.description,
      targetFen: project.targetFen.toString(),
      ownerOrganisationId: null,
      regionCodes: details.regionCodes,
      status: details.status,
      createdAt: "2026-01-05T00:00:00.000Z",
    });
    details.steps.forEach((title, index) => {
      const month = String(2 + index * 4).padStart(2, "0");
      const reached = details.status !== ProjectStatus.PLANNED && index < details.steps.length - 1;
      milestones.push({
        // Milestone ids are derived from the project id and the step number, so re-seeding skips them.
        id: `${project.id.slice(0, 24)}${project.id.slice(-4)}0000${String(index + 1).padStart(4, "0")}`,
        projectId: project.id,
        title,
        dueOn: `2026-${month}-15`,
        reachedOn: reached ? `2026-${month}-10` : null,
      });
    });
  }
  return { projects, milestones };
}
