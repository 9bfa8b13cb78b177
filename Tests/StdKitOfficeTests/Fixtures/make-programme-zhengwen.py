#!/usr/bin/python3
"""Writes programme-zhengwen.docx: a 专业人才培养方案 typed in Word the usual way.

The fixture for `stdkit import docx` of a document stdkit did not make (issue 23). Everything is
in the default 正文 ("Normal") style: headings are typed by hand (一、 （一） 1. （1）) and made
bold, never given a heading style; fonts are set the way Word sets them (宋体 for Chinese through
w:eastAsia, Times New Roman for Latin); the 教学进程总体安排 table merges its 课程类别 column
vertically and its 学时 / 各学期周学时分配 header cells horizontally, as schools draw it.

The text below is the fixture's content, written by hand (a fictional 南岭职业技术学院 and its
partner 顺德美佳电器有限公司); only the layout is code. The numbers are checked before anything
is written, so that the table's sums, the stated 总学时 / 总学分 and the ratios cannot drift apart.

Run with Debian's python-docx:  /usr/bin/python3 make-programme-zhengwen.py
It writes programme-zhengwen.docx next to itself, with the same bytes on every run.
"""

import io
import os
import sys
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "programme-zhengwen.docx")

CHINESE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# ---------------------------------------------------------------------------------------------
# 表1 职业面向 (two columns: what | value)

CAREER = [
    ("所属专业大类（代码）", "装备制造大类（46）"),
    ("所属专业类（代码）", "自动化类（4603）"),
    ("对应行业（代码）", "通用设备制造业（34）、专用设备制造业（35）、电气机械和器材制造业（38）"),
    ("主要职业类别", "自动控制工程技术人员、机械设备修理人员、电工、工业机器人系统运维员"),
    ("主要岗位（群）或技术领域",
     "自动化设备安装与调试、机电设备运行与维护、PLC控制系统编程与调试、自动化生产线运维、"
     "设备技术改造、设备售后技术服务"),
    ("职业技能等级证书",
     "电工（四级/中级工）、可编程控制器系统应用编程（中级）、工业机器人操作与运维（中级）；"
     "低压电工作业特种作业操作证"),
]

# ---------------------------------------------------------------------------------------------
# 表2 教学进程总体安排
#
# A course: (code, name, 课程性质, 学分, 总学时, 理论, 实践, [第一…第六学期], 考核方式).
# A semester cell is the weekly hours ("3"), a lecture semester's hours in brackets ("(8)", 形势与
# 政策) or the weeks of a block of practice ("2周"). Teaching weeks: 16, 18, 18, 18, 12 (note ①).

WEEKS = [16, 18, 18, 18, 12, 0]
HOURS_PER_PRACTICE_WEEK = 28           # note ②
MILITARY_HOURS_PER_WEEK = 56           # 军事技能: 2 周, 112 学时 (note ②)

PUBLIC = [
    ("GB01", "思想道德与法治", "必修", 3, 48, 40, 8, ["3", "", "", "", "", ""], "考试"),
    ("GB02", "毛泽东思想和中国特色社会主义理论体系概论", "必修", 2, 36, 30, 6, ["", "2", "", "", "", ""], "考试"),
    ("GB03", "习近平新时代中国特色社会主义思想概论", "必修", 3, 54, 46, 8, ["", "", "3", "", "", ""], "考试"),
    ("GB04", "形势与政策", "必修", 1, 32, 32, 0, ["(8)", "(8)", "(8)", "(8)", "", ""], "考查"),
    ("GB05", "军事理论", "必修", 2, 36, 36, 0, ["", "2", "", "", "", ""], "考查"),
    ("GB06", "大学英语", "必修", 6, 102, 82, 20, ["3", "3", "", "", "", ""], "考试"),
    ("GB07", "高等数学", "必修", 4, 64, 56, 8, ["4", "", "", "", "", ""], "考试"),
    ("GB08", "体育", "必修", 8, 140, 12, 128, ["2", "2", "2", "2", "", ""], "考查"),
    ("GB09", "信息技术", "必修", 3, 48, 16, 32, ["3", "", "", "", "", ""], "考查"),
    ("GB10", "大学生心理健康教育", "必修", 2, 36, 28, 8, ["", "2", "", "", "", ""], "考查"),
    ("GB11", "创新创业教育", "必修", 2, 36, 18, 18, ["", "", "2", "", "", ""], "考查"),
    ("GB12", "职业发展与就业指导", "必修", 2, 36, 18, 18, ["", "", "", "2", "", ""], "考查"),
    ("GB13", "公共选修课", "选修", 6, 108, 90, 18, ["", "2", "2", "2", "", ""], "考查"),
]

BASIC = [
    ("ZJ01", "机械制图与CAD", "必修", 4, 64, 32, 32, ["4", "", "", "", "", ""], "考试"),
    ("ZJ02", "电工电子技术", "必修", 6, 96, 48, 48, ["6", "", "", "", "", ""], "考试"),
    ("ZJ03", "机械设计基础", "必修", 4, 72, 48, 24, ["", "4", "", "", "", ""], "考试"),
    ("ZJ04", "电机与电气控制技术", "必修", 4, 72, 30, 42, ["", "4", "", "", "", ""], "考试"),
    ("ZJ05", "传感器与检测技术", "必修", 4, 72, 36, 36, ["", "4", "", "", "", ""], "考试"),
]

CORE = [
    ("HX01", "可编程控制器技术", "必修", 6, 108, 36, 72, ["", "", "6", "", "", ""], "考试"),
    ("HX02", "液压与气动技术", "必修", 4, 72, 36, 36, ["", "", "4", "", "", ""], "考试"),
    ("HX03", "工业机器人技术应用", "必修", 4, 72, 24, 48, ["", "", "4", "", "", ""], "考试"),
    ("HX04", "伺服与变频驱动技术", "必修", 4, 72, 28, 44, ["", "", "", "4", "", ""], "考试"),
    ("HX05", "工业网络与组态技术", "必修", 4, 72, 24, 48, ["", "", "", "4", "", ""], "考试"),
    ("HX06", "机电设备装调与维修", "必修", 4, 72, 24, 48, ["", "", "", "", "6", ""], "考试"),
    ("HX07", "自动化生产线安装与调试", "必修", 4, 72, 20, 52, ["", "", "", "", "6", ""], "考试"),
]

# Two groups, each "任选 2 门": the three courses of a group are alike in hours so that the
# 应修 subtotal does not depend on the student's choice.
ELECTIVE = [
    ("TZ01", "机电产品三维设计（SolidWorks）", "选修", 3, 54, 18, 36, ["", "", "", "3", "", ""], "考查"),
    ("TZ02", "单片机应用技术", "选修", 3, 54, 18, 36, ["", "", "", "3", "", ""], "考查"),
    ("TZ03", "电气CAD与电气柜设计（EPLAN）", "选修", 3, 54, 18, 36, ["", "", "", "3", "", ""], "考查"),
    ("TZ04", "机器视觉技术应用", "选修", 3, 48, 16, 32, ["", "", "", "", "4", ""], "考查"),
    ("TZ05", "制造执行系统（MES）应用", "选修", 3, 48, 16, 32, ["", "", "", "", "4", ""], "考查"),
    ("TZ06", "家电智能制造工艺", "选修", 3, 48, 16, 32, ["", "", "", "", "4", ""], "考查"),
]
ELECTIVE_GROUPS = [(["TZ01", "TZ02", "TZ03"], 2), (["TZ04", "TZ05", "TZ06"], 2)]

PRACTICE = [
    ("SJ01", "军事技能", "必修", 2, 112, 0, 112, ["2周", "", "", "", "", ""], "考查"),
    ("SJ02", "金工实训", "必修", 2, 56, 0, 56, ["", "2周", "", "", "", ""], "考查"),
    ("SJ03", "电工技能实训", "必修", 2, 56, 0, 56, ["", "", "2周", "", "", ""], "考查"),
    ("SJ04", "可编程控制系统综合实训", "必修", 2, 56, 0, 56, ["", "", "", "2周", "", ""], "考查"),
    ("SJ05", "机电一体化综合实训", "必修", 2, 56, 0, 56, ["", "", "", "", "2周", ""], "考查"),
    ("SJ06", "岗位实习（含毕业设计）", "必修", 24, 672, 0, 672, ["", "", "", "", "6周", "18周"], "考查"),
]

# A category: (课程类别, its courses, subtotal label, 学分, 总学时, 理论, 实践, weekly sums by semester).
CATEGORIES = [
    ("公共基础课程", PUBLIC, "小计", 44, 776, 504, 272, ["15", "13", "9", "6", "", ""]),
    ("专业基础课程", BASIC, "小计", 22, 376, 194, 182, ["10", "12", "", "", "", ""]),
    ("专业核心课程", CORE, "小计", 30, 540, 192, 348, ["", "", "14", "8", "12", ""]),
    ("专业拓展课程", ELECTIVE, "小计（应修）", 12, 204, 68, 136, ["", "", "", "6", "8", ""]),
    ("集中实践教学环节", PRACTICE, "小计", 34, 1008, 0, 1008, ["", "", "", "", "", ""]),
]
TOTAL = ("合计", 142, 2904, 958, 1946, ["25", "25", "23", "20", "20", ""])

TEACHING_NOTES = [
    "注：①课堂教学周数为第一学期16周，第二至第四学期各18周，第五学期12周；表中数字为周学时，"
    "标“周”者为集中实践教学环节的周数。②集中实践教学环节每周按28学时、1学分计，军事技能按2周、"
    "112学时、2学分计。③形势与政策每学期8学时，以专题讲座形式开设，表中括号内数字为该学期学时数，"
    "不计入周学时小计。④专业拓展课程第四、第五学期各开设3门，学生每学期任选2门，小计按应修学分和学时统计。",
]

# 表3 学时结构: (大类, 类别 or None when the row spans both columns, 学分, 总学时, 理论, 实践, 占比).
STRUCTURE = [
    ("公共基础课程", None, 44, 776, 504, 272, "26.72"),
    ("专业课程", "专业基础课程", 22, 376, 194, 182, "12.95"),
    ("专业课程", "专业核心课程", 30, 540, 192, 348, "18.60"),
    ("专业课程", "专业拓展课程", 12, 204, 68, 136, "7.02"),
    ("集中实践教学环节", None, 34, 1008, 0, 1008, "34.71"),
    ("合计", None, 142, 2904, 958, 1946, "100.00"),
]
TOTAL_HOURS_LINE = "总学时：2904"
TOTAL_CREDITS_LINE = "总学分：142"
RATIOS = ("其中，实践性教学1946学时，占总学时的67.01%；选修课程312学时（公共选修课108学时、"
          "专业拓展课程204学时），占总学时的10.74%；公共基础课程776学时，占总学时的26.72%。")

# ---------------------------------------------------------------------------------------------
# The body, in order. Kinds: title, sub (centred line under the title), h1 (一、), h2 (（一）),
# h3 (1.), h4 (（1）) — all bold 正文 —, p (body paragraph), label (bold lead-in, then text),
# caption (centred table title), table, blank (an empty paragraph, as people leave them),
# section (a new section: "landscape" or "portrait").
# A heading may be a list of strings: Word often splits a typed heading into several runs.

BODY = [
    ("title", "南岭职业技术学院"),
    ("title", "机电一体化技术专业人才培养方案"),
    ("sub", "（2026级）"),
    ("blank",),
    ("sub", "智能制造学院　顺德美佳电器有限公司"),
    ("sub", "二〇二六年六月"),
    ("blank",),
    ("p", "本方案依据《关于职业院校专业人才培养方案制订与实施工作的指导意见》（教职成〔2019〕13号）、"
          "《职业教育专业目录（2021年）》和《高等职业学校机电一体化技术专业教学标准》，结合珠江三角洲"
          "家电与智能装备制造企业的岗位需求，由南岭职业技术学院智能制造学院与顺德美佳电器有限公司共同制订，"
          "适用于2026级三年制机电一体化技术专业学生。"),

    ("h1", "一、专业名称及代码"),
    ("p", "专业名称：机电一体化技术"),
    ("p", "专业代码：460301"),

    ("h1", "二、入学要求"),
    ("p", "普通高级中学毕业、中等职业学校毕业或具备同等学力。"),
    ("p", "因电气接线和线缆识别需要辨认导线颜色，色盲、色弱考生请慎重报考。"),

    ("h1", "三、修业年限"),
    ("p", "修业年限：三年"),
    ("p", "实行学分制管理，学生可在三至五年内修完本方案规定的学分，休学和保留学籍创业的时间计入其中。"),

    ("h1", "四、职业面向"),
    ("p", "本专业的职业面向见表1。"),
    ("caption", "表1　职业面向"),
    ("table", "career"),
    ("p", "合作企业顺德美佳电器有限公司生产电饭煲、电磁炉和空气炸锅，设有注塑、冲压、钣金喷涂、SMT贴片和"
          "总装五个车间，共14条总装线；设备部负责600余台（套）自动化设备的安装调试、点检维修和技术改造，"
          "每年招收本专业毕业生约20人，是本专业学生就业的主要去向之一。"),

    ("h1", "五、培养目标"),
    ("p", "本专业培养能够践行社会主义核心价值观，传承技能文明，德智体美劳全面发展，具有一定的科学文化水平，"
          "良好的人文素养、科学素养、职业道德和创新意识，精益求精的工匠精神，较强的就业能力和可持续发展能力，"
          "掌握机械、电气、液压与气动、PLC控制和工业网络等专业知识和技术技能，面向通用设备制造业、专用设备"
          "制造业、电气机械和器材制造业的自动控制工程技术人员、机械设备修理人员、电工等职业，能够从事自动化"
          "设备安装调试、机电设备运行维护与维修、PLC控制系统编程、自动化生产线运维和设备技术改造等工作的"
          "高技能人才。"),
    ("p", "毕业生经过3～5年的岗位锻炼，能够独立负责一条自动化生产线或一个车间的设备维护，能够主持中小型设备"
          "的电气改造，成长为设备主管、自动化工程师或技师。"),

    ("h1", "六、培养规格"),
    ("p", "本专业学生在系统学习本专业知识并完成有关实习实训基础上，全面提升知识、能力、素质，掌握并实际运用"
          "岗位（群）需要的专业核心技术技能，总体上须达到以下要求。"),
    ("h2", "（一）素质"),
    ("p", "1.坚定拥护中国共产党领导和中国特色社会主义制度，以习近平新时代中国特色社会主义思想为指导，践行社会"
          "主义核心价值观，具有坚定的理想信念、深厚的爱国情感和中华民族自豪感。"),
    ("p", "2.崇尚宪法、遵守法律、遵规守纪，具有良好的职业道德和社会责任感，尊重劳动、热爱劳动，能适应倒班和"
          "现场抢修的工作节奏。"),
    ("p", "3.具有牢固的电气与机械安全意识，自觉执行停电、验电、挂牌上锁（LOTO）和登高、动火作业许可等现场"
          "安全规程，能识别设备运动部件、气液压储能和带电部位的危险。"),
    ("p", "4.具有质量意识和精益求精的工匠精神，按图纸、按工艺文件、按规定力矩作业，接线和紧固一丝不苟，能如实"
          "记录调试数据和故障处理过程。"),
    ("p", "5.具有6S现场管理、节能环保和成本意识，爱护设备与工量具，了解压缩空气泄漏和电机空载运行造成的能源"
          "浪费，能参与班组的降本改善活动。"),
    ("p", "6.具有团队合作精神和沟通协调能力，能与工艺、质量和生产班组协同处理设备问题，具有职业生涯规划意识"
          "和终身学习意识。"),
    ("p", "7.具有健康的体魄、心理和健全的人格，达到《国家学生体质健康标准》合格要求，具有一定的审美和人文"
          "素养，能够形成一两项艺术特长或爱好。"),
    ("h2", ["（二）", "知识"]),
    ("p", "1.掌握必备的思想政治理论、科学文化基础知识和中华优秀传统文化知识，掌握与工程计算相关的函数、导数"
          "和积分知识。"),
    ("p", "2.熟悉与本专业相关的法律法规以及安全生产、环境保护、消防和电气安全知识，了解GB/T 5226.1《机械"
          "电气安全 机械电气设备 第1部分：通用技术条件》对机械电气设备的基本要求。"),
    ("p", "3.掌握机械制图国家标准、公差配合与几何公差、常用工程材料和热处理的基本知识，掌握齿轮、同步带、"
          "滚珠丝杠、直线导轨等常用传动部件的结构与选用方法。"),
    ("p", "4.掌握直流电路、正弦交流电路和三相电路的基本理论，掌握模拟电子与数字电子电路的基本知识，熟悉常用"
          "电工仪表的测量原理。"),
    ("p", "5.掌握常用低压电器、三相异步电动机及其典型控制线路的工作原理，掌握电气原理图、接线图的绘制规则"
          "和GB/T 4728规定的电气简图用图形符号。"),
    ("p", "6.掌握光电开关、电感式与电容式接近开关、旋转编码器、压力和温度传感器的工作原理，掌握NPN/PNP"
          "开关量和4～20 mA模拟量等信号接口知识。"),
    ("p", "7.掌握液压与气动元件及基本回路的工作原理，能按GB/T 786.1识读液压、气动原理图。"),
    ("p", "8.掌握PLC的工作原理和IEC 61131-3编程语言，掌握变频器、伺服驱动器的控制方式与参数设置方法，熟悉"
          "PROFINET、Modbus等工业网络和人机界面组态知识，了解工业机器人、机器视觉和制造执行系统（MES）在"
          "智能制造中的应用。"),
    ("h2", "（三）能力"),
    ("p", "1.具有探究学习、终身学习和分析问题、解决问题的能力，能借助设备随机手册（含英文手册的常用章节）"
          "查找参数、故障代码和接线说明。"),
    ("p", "2.具有良好的语言表达、文字表达和沟通能力，能编写调试记录、维修报告和简单的作业指导书。"),
    ("p", "3.能识读机械装配图、液压气动原理图和电气原理图，能使用AutoCAD绘制零件图和电气图，能使用"
          "SolidWorks完成简单机构的三维建模。"),
    ("p", "4.能按图完成电气控制柜的元件安装、布线、接线、绝缘检测和通电试车，能安全使用万用表、钳形电流表和"
          "兆欧表，具备取得低压电工作业特种作业操作证的能力。"),
    ("p", "5.能使用西门子S7-1200或三菱FX5U系列PLC完成逻辑控制、顺序控制、模拟量和PID控制程序的"
          "编写、下载与调试，达到可编程控制器系统应用编程职业技能等级（中级）的要求。"),
    ("p", "6.能完成变频器和伺服驱动器的接线、参数设置、回零与定位调试，能通过PROFINET实现PLC与驱动器、"
          "触摸屏、远程I/O的组网通信，并完成HMI画面、报警和配方的组态。"),
    ("p", "7.能按工艺完成自动化生产线供料、加工、装配、分拣和输送单元的机械、气动、电气安装与联机调试，能完成"
          "工业机器人的示教编程、坐标系标定及其与PLC的信号交互，达到工业机器人操作与运维职业技能等级（中级）"
          "的要求。"),
    ("p", "8.能对注塑机、冲压机和装配线等机电设备进行点检和预防性维护，能运用观察、测量、替换和逻辑分析等"
          "方法诊断机械、气动、液压和电气故障，完成维修并填写维修记录。"),

    ("h1", "七、课程设置及要求"),
    ("p", "课程设置包括公共基础课程和专业课程，专业课程由专业基础课程、专业核心课程、专业拓展课程和实践性"
          "教学环节组成。专业课程由学校与顺德美佳电器有限公司设备部共同分析“设备安装—编程调试—运行维护—"
          "技术改造”工作过程中的典型工作任务后确定。"),
    ("h2", "（一）公共基础课程"),
    ("p", "按照国家有关规定开齐开足公共基础课程。将思想道德与法治、毛泽东思想和中国特色社会主义理论体系"
          "概论、习近平新时代中国特色社会主义思想概论、形势与政策、军事理论、大学英语、高等数学、"
          "体育、信息技术、大学生心理健康教育、创新创业教育、职业发展与就业指导列为公共基础必修课程，军事技能列入集中实践"
          "教学环节；将中华优秀传统文化、艺术鉴赏、党史国史、普通话等列为公共选修课程，学生须修满6学分。"),
    ("p", "高等数学按专业需要选取内容，以函数与极限、导数及其在最值问题中的应用、定积分和复数为重点，复数部分"
          "落实到正弦量的相量表示，为电工电子技术的交流电路计算打基础。大学英语第二学期安排设备说明书阅读"
          "专题，阅读材料选自西门子、ABB等厂商产品手册的安全说明和故障排除章节。"),
    ("p", "劳动教育贯穿人才培养全过程：劳动精神、劳模精神、工匠精神专题教育16学时，在入学教育和职业发展与"
          "就业指导中实施；金工实训、电工技能实训和岗位实习中的6S整理与设备清扫点检是劳动实践的主要载体。"),
    ("h2", "（二）专业课程"),
    ("h3", "1.专业基础课程"),
    ("p", "专业基础课程5门，共376学时、22学分。"),
    ("label", "机械制图与CAD（64学时）：",
     "正投影与三视图、组合体、机件的表达方法，螺纹、齿轮、轴承等标准件和常用件的画法，零件图的尺寸、公差"
     "与表面结构标注，装配图的识读与拆画；用AutoCAD绘制二维零件图和简单装配图。以一级圆柱齿轮减速器和"
     "电饭煲内锅升降支架为测绘对象。"),
    ("label", "电工电子技术（96学时）：",
     "直流电路的分析方法、正弦交流电路与三相电路、安全用电；二极管整流滤波与稳压电源、三极管放大电路、"
     "集成运算放大器；逻辑门、组合逻辑电路、触发器和计数器。实践中完成照明电路安装、直流稳压电源的焊接"
     "与调试和数字计数显示电路的制作。"),
    ("label", "机械设计基础（72学时）：",
     "静力学基础与构件受力分析，平面连杆机构、凸轮机构和间歇运动机构，带传动、链传动、齿轮传动与蜗杆"
     "传动，轴、键、联轴器和滚动轴承的选用；拆装减速器并测定齿轮的主要参数。"),
    ("label", "电机与电气控制技术（72学时）：",
     "变压器、三相异步电动机和直流电动机的结构与特性，接触器、中间继电器、时间继电器、断路器和热继电器的"
     "选用；点动与连续运行、正反转、Y—△降压启动、能耗制动等典型控制线路的设计、安装与故障排除；CA6140型"
     "车床和X62W型铣床电气控制线路分析。"),
    ("label", "传感器与检测技术（72学时）：",
     "测量误差与传感器的静态特性；电阻应变式、电感式、电容式、光电式和霍尔式传感器，热电偶与热电阻，"
     "旋转编码器和光栅尺；传感器与PLC输入端的NPN/PNP接线和4～20 mA变送信号的处理；在输送分拣装置上"
     "完成工件材质、颜色和位置的检测。"),
    ("h3", "2.专业核心课程"),
    ("p", "专业核心课程7门，共540学时、30学分，均采用理实一体化教学，在校内实训室或企业现场完成。"),
    ("h4", "（1）可编程控制器技术"),
    ("label", "主要教学内容：",
     "以西门子S7-1200（CPU 1214C DC/DC/DC）和TIA Portal V17为平台，学习PLC的组成与循环扫描工作方式、"
     "硬件组态与I/O地址分配，位逻辑指令、IEC定时器和计数器、比较、移动与数学运算指令，函数FC、函数块FB"
     "与数据块DB的结构化编程，用顺序功能图设计顺序控制程序，模拟量采集与PID_Compact温度控制，以及PLC"
     "与KTP700 Basic触摸屏的变量连接。教学项目依次为输送带启停与工件计数、三工位转盘装配顺序控制和"
     "烘干箱恒温控制，其中转盘装配项目取自美佳电器电饭煲上盖组件的装配工位。课程对接可编程控制器系统"
     "应用编程职业技能等级证书（中级）。"),
    ("p", "学时：108学时（理论36，实践72），6学分，第三学期开设。"),
    ("h4", "（2）液压与气动技术"),
    ("label", "主要教学内容：",
     "液压传动的工作原理和压力、流量的基本概念，液压泵、液压缸、方向阀、压力阀和流量阀的结构与图形符号，"
     "调压、减压、调速、换向和顺序动作等基本回路；气源装置与气源处理元件，单作用与双作用气缸、摆动气缸，"
     "单电控与双电控电磁阀，真空发生器与真空吸盘，气动顺序动作回路与电气—气动控制。学生先在FluidSIM中"
     "仿真回路，再在液压气动实训台上搭建与调试，最后分析美佳电器注塑车间280吨注塑机的液压系统，排查气缸"
     "爬行、系统压力不足和管路泄漏等故障。"),
    ("p", "学时：72学时（理论36，实践36），4学分，第三学期开设。"),
    ("h4", "（3）工业机器人技术应用"),
    ("label", "主要教学内容：",
     "工业机器人的组成、基本运动学概念和安全规范，示教器的使用与手动操纵，关节、大地、工具和工件坐标系，"
     "工具坐标（TCP）的四点法标定和工件坐标的三点法标定，RAPID程序结构与MoveJ、MoveL、MoveC、Set、Reset、"
     "WaitDI等常用指令，I/O信号配置，搬运与码垛程序的编写，机器人与PLC之间的I/O信号交互，程序与系统的"
     "备份和恢复。实训载体为ABB IRB 120机器人工作站和注塑件取件—码垛工作站。课程对接工业机器人操作与"
     "运维职业技能等级证书（中级）。"),
    ("p", "学时：72学时（理论24，实践48），4学分，第三学期开设。"),
    ("h4", ["（4）", "伺服与变频驱动技术"]),
    ("label", "主要教学内容：",
     "三相异步电动机变频调速原理、V/f控制与矢量控制，SINAMICS G120变频器的接线、快速调试（输入电机铭牌"
     "参数p0304～p0311并进行电机数据识别）、多段速与模拟量调速、PROFINET标准报文1控制；步进电动机与驱动器"
     "的细分设置；SINAMICS V90 PN伺服驱动器与1FL6伺服电动机的接线和V-ASSISTANT调试，在S7-1200中分别用"
     "工艺对象TO_PositioningAxis（标准报文3）和SINA_POS功能块（西门子报文111）控制滚珠丝杠滑台的回零和"
     "定位；伺服增益调整与常见报警的处理。项目载体为输送带多段速调速和丝杠滑台三点定位。"),
    ("p", "学时：72学时（理论28，实践44），4学分，第四学期开设。"),
    ("h4", "（5）工业网络与组态技术"),
    ("label", "主要教学内容：",
     "工业通信基础与网络拓扑，PROFINET IO的设备名称分配、IP地址规划与拓扑组态，S7-1200之间的S7通信"
     "（PUT/GET）和开放式用户通信，用Modbus RTU和Modbus TCP读取温控仪表与电能表的数据，OPC UA服务器的"
     "基本配置；在TIA Portal中用WinCC组态HMI画面、变量、报警、趋势、配方和用户管理，用PC端WinCC Runtime"
     "集中监控多台PLC；工业交换机的配置与网络故障诊断。项目载体为三台S7-1200组成的装配线网络和车间"
     "能耗数据采集看板。"),
    ("p", "学时：72学时（理论24，实践48），4学分，第四学期开设。"),
    ("h4", "（6）机电设备装调与维修"),
    ("label", "主要教学内容：",
     "机械装配工艺与常用工量具，用百分表检测和调整直线导轨的平行度及滚珠丝杠与导轨的平行度，同步带张紧"
     "与齿轮副侧隙检查，联轴器对中；电气控制柜的检修与元器件更换；设备故障诊断的一般方法（观察、测量、"
     "替换、对比和逻辑分析），PLC在线监控与诊断缓冲区在故障查找中的应用；设备点检、润滑与预防性维护，"
     "全员生产维护（TPM）、维修记录与备件管理。教学案例取自美佳电器设备部近三年的维修记录，包括冲压线"
     "送料机故障、注塑机取件机械手定位偏差和总装线自动锁螺丝机卡料等。"),
    ("p", "学时：72学时（理论24，实践48），4学分，第五学期开设。"),
    ("h4", "（7）自动化生产线安装与调试"),
    ("label", "主要教学内容：",
     "自动化生产线的组成与工作过程，以YL-335B型自动化生产线实训考核装备的供料、加工、装配、分拣和输送"
     "五个单元为载体，完成各单元机械部件、气动回路、传感器和电气线路的安装与调整，编写各单元的PLC程序，"
     "用PROFINET组网实现全线联机，组态触摸屏监控画面，进行全线联调、节拍测定和故障排除。综合项目仿照美佳"
     "电器电磁炉面板装配线，由学生分组完成从安装、编程到交付验收的全过程，并编写调试报告。"),
    ("p", "学时：72学时（理论20，实践52），4学分，第五学期开设。"),
    ("h3", "3.专业拓展课程"),
    ("p", "专业拓展课程分两组开设：第四学期开设机电产品三维设计（SolidWorks）、单片机应用技术、电气CAD与"
          "电气柜设计（EPLAN），学生任选2门；第五学期开设机器视觉技术应用、制造执行系统（MES）应用、家电智能"
          "制造工艺，学生任选2门。家电智能制造工艺由美佳电器的工艺工程师主讲，内容为注塑、钣金、SMT贴片和"
          "总装工艺及其自动化装备。专业拓展课程须修满12学分。"),
    ("h3", "4.实践性教学环节"),
    ("p", "实践性教学环节包括军事技能、金工实训、电工技能实训、可编程控制系统综合实训、机电一体化综合实训和"
          "岗位实习，共1008学时、34学分。"),
    ("p", "金工实训安排在第二学期，内容为钳工划线、锯削、锉削、钻孔与攻丝和普通车床的基本操作，每名学生完成"
          "一把鸭嘴锤的制作。电工技能实训安排在第三学期，按低压电工作业特种作业操作证的考核要求训练，训练"
          "合格者参加应急管理部门组织的考试。可编程控制系统综合实训安排在第四学期末，按可编程控制器系统应用"
          "编程职业技能等级（中级）的考核方式组织。机电一体化综合实训安排在第五学期，在美佳电器设备部提供的一条"
          "退役输送装配线上完成拆装、改造与调试。"),
    ("p", "岗位实习安排在第五学期第15周至第六学期末，共24周，主要在美佳电器和其他合作企业的设备、工艺岗位"
          "进行，按《职业学校学生实习管理规定》（教职成〔2021〕4号）组织管理，实行学校和企业双导师指导。学生"
          "在岗位实习期间结合工作岗位完成毕业设计，选题来自实习岗位的设备改造、故障分析或工艺改进。"),

    ("section", "landscape"),
    ("h1", "八、教学进程总体安排"),
    ("p", "教学进程总体安排见表2，学时结构见表3。"),
    ("caption", "表2　教学进程总体安排"),
    ("table", "schedule"),
    ("p", TEACHING_NOTES[0]),
    ("blank",),
    ("caption", "表3　学时结构"),
    ("table", "structure"),
    ("p", TOTAL_HOURS_LINE),
    ("p", TOTAL_CREDITS_LINE),
    ("p", RATIOS),
    ("section", "portrait"),

    ("h1", "九、实施保障"),
    ("h2", "（一）师资队伍"),
    ("h3", "1.队伍结构"),
    ("p", "本专业现有专任教师14人，在校生三个年级共266人，学生数与专任教师数之比为19:1；“双师型”教师11人，"
          "占专任教师的78.6%；具有高级职称的教师5人，具有硕士及以上学位的教师9人，形成了专兼结合的教学团队。"),
    ("h3", "2.专业带头人"),
    ("p", "专业实行双带头人制。学校专业带头人具有教授职称和电工高级技师职业资格，长期从事PLC控制与自动化"
          "生产线方向的教学和技术服务，能把握珠江三角洲家电和智能装备产业对本专业人才的需求变化；企业专业"
          "带头人由美佳电器设备部经理担任，负责企业课程、综合实训项目和岗位实习岗位的安排。"),
    ("h3", "3.专任教师"),
    ("p", "专任教师具有机械、电气或自动化类专业本科及以上学历和高校教师资格，按《职业学校教师企业实践规定》"
          "每5年累计不少于6个月到企业或生产性实训基地实践；近三年已有8名教师在美佳电器设备部完成企业实践，"
          "参与了总装线自动锁螺丝机和注塑机上下料机械手的改造项目。"),
    ("h3", "4.兼职教师"),
    ("p", "从美佳电器和佛山本地装备制造企业聘请兼职教师6人，均具有中级及以上专业技术职务或高级工及以上"
          "职业技能等级，主要承担家电智能制造工艺、机电一体化综合实训和岗位实习的指导。"),
    ("h2", "（二）教学设施"),
    ("h3", "1.专业教室"),
    ("p", "专业教室配备多媒体计算机、交互式触控一体机和无线网络，符合紧急疏散要求，安全标志明显。"),
    ("h3", "2.校内实训室"),
    ("p", "校内实训室共7个，总面积约2100平方米，能同时满足两个教学班的实训需要；金工实训在学校工程训练中心"
          "进行。"),
    ("p", "（1）电工电子实训室：电工电子综合实训台40套，配数字万用表、双踪示波器和直流稳压电源，承担电工"
          "电子技术的实践教学。"),
    ("p", "（2）电气控制实训室：网孔板式电气控制实训柜20套，兆欧表和钳形电流表各20台，承担电机与电气控制"
          "技术和电工技能实训。"),
    ("p", "（3）PLC与驱动实训室：S7-1200实训台20套（每套含KTP700 Basic触摸屏、G120变频器和V90 PN伺服滑台），"
          "三菱FX5U实训台10套，承担可编程控制器技术、伺服与变频驱动技术和工业网络与组态技术。"),
    ("p", "（4）液压与气动实训室：双面液压气动综合实训台10台，配计算机和FluidSIM仿真软件，承担液压与气动"
          "技术。"),
    ("p", "（5）自动化生产线实训室：YL-335B型自动化生产线6套，承担自动化生产线安装与调试和可编程控制系统"
          "综合实训。"),
    ("p", "（6）工业机器人实训室：ABB IRB 120机器人工作站8套、注塑件取件—码垛工作站2套，承担工业机器人技术"
          "应用。"),
    ("p", "（7）机电设备装调实训室：机械装调技术综合实训装置10套（含直线导轨、滚珠丝杠、同步带传动和齿轮减速箱），"
          "配百分表、塞尺和扭力扳手，承担机电设备装调与维修。"),
    ("h3", "3.校外实训基地"),
    ("p", "顺德美佳电器有限公司是本专业的紧密型校外实训基地，提供注塑、冲压和总装车间及设备部的现场教学和"
          "实习岗位，每年可接收岗位实习学生40人；另有佛山、中山的4家家电和装备制造企业作为岗位实习基地。各基地"
          "均配备企业导师，符合《职业学校学生实习管理规定》对实习单位的要求。"),
    ("h3", "4.信息化教学条件"),
    ("p", "学校在线教学平台覆盖全部专业课程，教师可结合国家职业教育智慧教育平台的资源开展混合式教学；PLC与"
          "驱动实训室和自动化生产线实训室装有TIA Portal、FluidSIM和RobotStudio等软件，可进行虚拟调试。"),
    ("h2", "（三）教学资源"),
    ("h3", "1.教材选用"),
    ("p", "按照《职业院校教材管理办法》的要求，由专业建设委员会审定教材，优先选用国家规划教材；可编程控制器"
          "技术、自动化生产线安装与调试和机电设备装调与维修三门课程与美佳电器合作开发活页式、工作手册式教材，"
          "以企业真实设备的工单组织内容。"),
    ("h3", "2.图书文献"),
    ("p", "图书馆配备本专业相关的图书和《液压与气动》《机床与液压》《自动化博览》等期刊，以及GB/T 5226.1、"
          "GB/T 786.1、GB/T 4728等标准文本和主要设备厂商的技术手册。"),
    ("h3", "3.数字教学资源"),
    ("p", "利用国家职业教育智慧教育平台上的机电一体化技术专业教学资源库开展教学；美佳电器提供设备维修案例库"
          "和典型故障的现场视频，每学期更新一次。"),
    ("h2", "（四）教学方法"),
    ("p", "专业核心课程采用项目教学和理实一体化教学，以工单驱动：教师下发任务工单，学生分组完成方案、接线、"
          "编程、调试和验收，教师在关键节点示范和检查。电气实训首次通电前由教师逐组检查接线并签字，带电测量"
          "须两人在场。机电设备装调与维修在开课期间安排4次到美佳电器设备部现场教学，由企业导师结合正在处理的故障"
          "讲解。可编程控制器系统应用编程和工业机器人操作与运维两个职业技能等级证书的考核内容已融入相应课程，"
          "技能大赛的赛题转化为综合实训项目，做到岗课赛证融通。"),
    ("h2", "（五）学习评价"),
    ("p", "课程考核分考试和考查两种。考试课程总评成绩由过程性考核（出勤、作业、工单和项目实操，占40%）和期末"
          "考试（占60%）组成，专业核心课程的期末考试以实操考核为主，按职业技能等级证书的考核规范设置评分表；"
          "考查课程以过程性考核为主。"),
    ("p", "岗位实习成绩由企业导师评定（占60%）和学校导师评定（占40%）组成，依据实习日志、月度总结、实习考核表"
          "和毕业设计成果综合评定。"),
    ("p", "学生取得可编程控制器系统应用编程（中级）证书，可申请免修可编程控制系统综合实训并认定2学分；取得低压"
          "电工作业特种作业操作证，可认定电工技能实训2学分。"),
    ("h2", "（六）质量管理"),
    ("p", "学校和二级学院建立专业建设与教学质量诊断改进机制。专业建设委员会由本专业教师、美佳电器等企业的"
          "技术专家和行业协会代表组成，每年审议一次人才培养方案的执行情况，方案每年微调、每三年全面修订。"
          "教学督导随堂听课，每学期组织学生评教；对毕业一年的学生跟踪调查就业率、专业相关度和用人单位"
          "满意度，结果用于下一年度的方案修订。"),

    ("h1", "十、毕业要求"),
    ("p", "学生在规定的修业年限内同时满足以下条件，准予毕业："),
    ("p", "1.修完本方案规定的必修课程和应选课程，成绩合格，修满142学分，其中必修课程124学分、公共选修课程6学分、专业"
          "拓展课程12学分。"),
    ("p", "2.《国家学生体质健康标准》测试成绩达到合格。"),
    ("p", "3.完成岗位实习和毕业设计，考核合格。"),
    ("p", "鼓励学生在校期间取得低压电工作业特种作业操作证、电工（四级/中级工）、可编程控制器系统应用编程"
          "（中级）或工业机器人操作与运维（中级）职业技能等级证书。"),
]

# ---------------------------------------------------------------------------------------------
# The numbers are checked before anything is written.


def semester_hours(cell, semester, code):
    """The hours a semester cell stands for."""
    if cell == "":
        return 0
    if cell.startswith("(") and cell.endswith(")"):
        return int(cell[1:-1])
    if cell.endswith("周"):
        weeks = int(cell[:-1])
        return weeks * (MILITARY_HOURS_PER_WEEK if code == "SJ01" else HOURS_PER_PRACTICE_WEEK)
    return int(cell) * WEEKS[semester]


def check():
    problems = []
    all_codes = set()
    for name, courses, _, credits, hours, theory, practice, weekly in CATEGORIES:
        for code, title, nature, c, h, t, p, cells, exam in courses:
            if code in all_codes:
                problems.append(f"{code} twice")
            all_codes.add(code)
            if t + p != h:
                problems.append(f"{code} {title}: {t}+{p} != {h}")
            if sum(semester_hours(x, i, code) for i, x in enumerate(cells)) != h:
                problems.append(f"{code} {title}: semesters do not make {h} hours")
            if code.startswith("SJ"):
                weeks = sum(int(x[:-1]) for x in cells if x.endswith("周"))
                if weeks != c:
                    problems.append(f"{code}: {weeks} weeks but {c} credits")
            elif code != "GB04" and not (16 <= h / c <= 18):
                problems.append(f"{code} {title}: {h / c:.1f} hours a credit")
        if courses is ELECTIVE:
            counted = []
            for group, choose in ELECTIVE_GROUPS:
                rows = [x for x in courses if x[0] in group]
                if len({(x[3], x[4], x[5], x[6]) for x in rows}) != 1:
                    problems.append(f"elective group {group} differs in hours")
                counted += rows[:choose]
        else:
            counted = courses
        sums = (sum(x[3] for x in counted), sum(x[4] for x in counted),
                sum(x[5] for x in counted), sum(x[6] for x in counted))
        if sums != (credits, hours, theory, practice):
            problems.append(f"{name} 小计 {credits, hours, theory, practice} but rows make {sums}")
        for i in range(6):
            expected = 0
            if courses is ELECTIVE:
                for group, choose in ELECTIVE_GROUPS:
                    rows = [x for x in courses if x[0] in group]
                    expected += sum(int(x[7][i]) for x in rows[:choose] if x[7][i].isdigit())
            else:
                expected = sum(int(x[7][i]) for x in counted if x[7][i].isdigit())
            if (str(expected) if expected else "") != weekly[i]:
                problems.append(f"{name} 小计 semester {i + 1}: {weekly[i]!r} but rows make {expected}")
    _, credits, hours, theory, practice, weekly = TOTAL
    if (credits, hours, theory, practice) != tuple(sum(c[k] for c in CATEGORIES) for k in (3, 4, 5, 6)):
        problems.append("合计 is not the sum of the 小计 rows")
    for i in range(6):
        s = sum(int(c[7][i]) for c in CATEGORIES if c[7][i])
        if (str(s) if s else "") != weekly[i]:
            problems.append(f"合计 semester {i + 1}: {weekly[i]!r} but 小计 rows make {s}")
    for major, minor, c, h, t, p, share in STRUCTURE:
        if t + p != h or f"{100 * h / hours:.2f}" != share:
            problems.append(f"学时结构 {major} {minor}: {h} {t} {p} {share}")
    if (sum(x[2] for x in STRUCTURE[:-1]), sum(x[3] for x in STRUCTURE[:-1])) != (credits, hours):
        problems.append("学时结构 rows do not make the 合计")
    if STRUCTURE[-1][2:6] != (credits, hours, theory, practice):
        problems.append("学时结构 合计 differs from 表2")
    if TOTAL_HOURS_LINE != f"总学时：{hours}" or TOTAL_CREDITS_LINE != f"总学分：{credits}":
        problems.append("stated totals differ from the table")
    elective_hours = PUBLIC[-1][4] + 204
    stated = (f"实践性教学{practice}学时，占总学时的{100 * practice / hours:.2f}%",
              f"选修课程{elective_hours}学时",
              f"占总学时的{100 * elective_hours / hours:.2f}%",
              f"公共基础课程{CATEGORIES[0][4]}学时，占总学时的{100 * CATEGORIES[0][4] / hours:.2f}%")
    for s in stated:
        if s not in RATIOS:
            problems.append(f"ratios line lacks {s}")
    if practice * 2 < hours or CATEGORIES[0][4] * 4 < hours or elective_hours * 10 < hours:
        problems.append("教职成〔2019〕13号 shares not met")
    # The prose states the same numbers as the table: each core course's 学时 line, each basic
    # course's lead-in, the category counts and the credits of 毕业要求.
    text = "\n".join(b[1] + (b[2] if len(b) > 2 else "") for b in BODY if b[0] in ("p", "label"))
    semester_names = "一二三四五六"
    for code, title, nature, c, h, t, p, cells, exam in CORE:
        semester = semester_names[next(i for i, x in enumerate(cells) if x)]
        if f"学时：{h}学时（理论{t}，实践{p}），{c}学分，第{semester}学期开设。" not in text:
            problems.append(f"the 学时 line of {title} differs from 表2")
    for code, title, *_ in CORE:
        if title not in ["".join(b[1])[3:] for b in BODY if b[0] == "h4"]:
            problems.append(f"core course {title} has no （n） heading")
    for code, title, nature, c, h, *_ in BASIC:
        if f"{title}（{h}学时）：" not in text:
            problems.append(f"the lead-in of {title} differs from 表2")
    for courses, words in ((BASIC, "专业基础课程"), (CORE, "专业核心课程")):
        stated = f"{words}{len(courses)}门，共{sum(x[4] for x in courses)}学时、{sum(x[3] for x in courses)}学分"
        if stated not in text:
            problems.append(f"{stated} is not what the text says")
    if f"共{CATEGORIES[4][4]}学时、{CATEGORIES[4][3]}学分" not in text:
        problems.append("实践性教学环节 totals in the text differ from 表2")
    required = credits - PUBLIC[-1][3] - CATEGORIES[3][3]
    if (f"修满{credits}学分，其中必修课程{required}学分、公共选修课程{PUBLIC[-1][3]}学分、专业拓展课程"
            f"{CATEGORIES[3][3]}学分") not in text:
        problems.append("毕业要求 credits differ from 表2")
    if problems:
        sys.exit("numbers do not agree:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------------------------
# Writing, the way Word writes what a person typed.


def set_fonts(rpr_owner, size=None, chinese=CHINESE_FONT):
    """Chinese and Latin fonts on a run or a style, as Word's font dialog sets them."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), chinese)
    fonts.set(qn("w:cs"), LATIN_FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))


def add_run(paragraph, text, bold=False, size=None, chinese=CHINESE_FONT):
    run = paragraph.add_run(text)
    set_fonts(run._r, size, chinese)
    if bold:
        run.bold = True
        rpr = run._r.get_or_add_rPr()
        rpr.insert(list(rpr).index(rpr.find(qn("w:b"))) + 1, OxmlElement("w:bCs"))
    return run


def indent_first_line(paragraph, chars):
    """A first-line indent in characters (Word's 首行缩进 2 字符): firstLineChars and its twips."""
    paragraph.paragraph_format.first_line_indent = Pt(12 * chars)
    ind = paragraph._p.pPr.find(qn("w:ind"))
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def line_spacing(paragraph, lines=1.5):
    paragraph.paragraph_format.line_spacing = lines


def body_paragraph(doc, indent=True):
    paragraph = doc.add_paragraph()          # style: Normal (正文), never a heading style
    line_spacing(paragraph)
    if indent:
        indent_first_line(paragraph, 2)
    return paragraph


def write_block(doc, block):
    kind = block[0]
    if kind == "title":
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line_spacing(p, 2.0)
        add_run(p, block[1], bold=True, size=22, chinese="黑体")
    elif kind == "sub":
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line_spacing(p, 2.0)
        add_run(p, block[1], size=16)
    elif kind in ("h1", "h2", "h3", "h4"):
        p = body_paragraph(doc, indent=kind != "h1")
        parts = block[1] if isinstance(block[1], list) else [block[1]]
        for part in parts:
            add_run(p, part, bold=True, size=14 if kind == "h1" else 12)
    elif kind == "p":
        add_run(body_paragraph(doc), block[1], size=12)
    elif kind == "label":
        p = body_paragraph(doc)
        add_run(p, block[1], bold=True, size=12)
        add_run(p, block[2], size=12)
    elif kind == "caption":
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(p, block[1], bold=True, size=10.5)
    elif kind == "blank":
        doc.add_paragraph()
    elif kind == "table":
        {"career": write_career, "schedule": write_schedule, "structure": write_structure}[block[1]](doc)
    elif kind == "section":
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        landscape = block[1] == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
        section.left_margin = section.right_margin = Cm(2.0 if landscape else 3.18)
        section.top_margin = section.bottom_margin = Cm(3.18 if landscape else 2.54)
    else:
        raise ValueError(kind)


def cell_text(cell, text, size, center=True, bold=False):
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    p = cell.paragraphs[0]
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        add_run(p, text, bold=bold, size=size)


def new_table(doc, rows, widths_cm):
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.style = doc.styles["Table Grid"]       # 网格型, what Insert Table gives
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, width in zip(table.columns, widths_cm):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)
    return table


def repeat_as_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def write_career(doc):
    table = new_table(doc, len(CAREER), [4.2, 10.4])
    for row, (what, value) in zip(table.rows, CAREER):
        cell_text(row.cells[0], what, 10.5)
        cell_text(row.cells[1], value, 10.5, center=False)


SCHEDULE_WIDTHS = [1.8, 1.8, 5.6, 1.2, 1.2, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.8]


def write_schedule(doc):
    body_rows = sum(len(c[1]) + 1 for c in CATEGORIES) + 1
    table = new_table(doc, 3 + body_rows, SCHEDULE_WIDTHS)
    cell = table.cell
    size = 9
    # The header: three rows; what has no sub-columns spans all three.
    for col, title in ((0, "课程类别"), (1, "课程代码"), (2, "课程名称"), (3, "课程性质"), (4, "学分"), (14, "考核方式")):
        cell_text(cell(0, col).merge(cell(2, col)), title, size, bold=True)
    cell_text(cell(0, 5).merge(cell(0, 7)), "学时", size, bold=True)
    cell_text(cell(0, 8).merge(cell(0, 13)), "各学期周学时分配", size, bold=True)
    for col, title in ((5, "总学时"), (6, "理论"), (7, "实践")):
        cell_text(cell(1, col).merge(cell(2, col)), title, size, bold=True)
    for i, year in enumerate(("第一学年", "第二学年", "第三学年")):
        cell_text(cell(1, 8 + 2 * i).merge(cell(1, 9 + 2 * i)), year, size, bold=True)
    for i, semester in enumerate("一二三四五六"):
        cell_text(cell(2, 8 + i), semester, size, bold=True)
    for r in range(3):
        repeat_as_header(table.rows[r])
    # The body: each category's column merged over its courses and its 小计.
    r = 3
    for name, courses, label, credits, hours, theory, practice, weekly in CATEGORIES:
        first = r
        for code, title, nature, c, h, t, p, cells, exam in courses:
            values = [code, title, nature, str(c), str(h), str(t), str(p)] + cells + [exam]
            for col, value in enumerate(values, start=1):
                cell_text(cell(r, col), value, size, center=col != 2)
            r += 1
        cell_text(cell(r, 1).merge(cell(r, 3)), label, size, bold=True)
        for col, value in enumerate([str(credits), str(hours), str(theory), str(practice)] + weekly, start=4):
            cell_text(cell(r, col), value, size, bold=True)
        cell_text(cell(first, 0).merge(cell(r, 0)), name, size, bold=True)
        r += 1
    label, credits, hours, theory, practice, weekly = TOTAL
    cell_text(cell(r, 0).merge(cell(r, 3)), label, size, bold=True)
    for col, value in enumerate([str(credits), str(hours), str(theory), str(practice)] + weekly, start=4):
        cell_text(cell(r, col), value, size, bold=True)


def write_structure(doc):
    table = new_table(doc, 2 + len(STRUCTURE), [2.6, 3.0, 1.8, 1.8, 2.2, 2.2, 3.0])
    cell = table.cell
    size = 10.5
    cell_text(cell(0, 0).merge(cell(1, 1)), "课程类别", size, bold=True)
    cell_text(cell(0, 2).merge(cell(1, 2)), "学分", size, bold=True)
    cell_text(cell(0, 3).merge(cell(0, 5)), "学时", size, bold=True)
    for col, title in ((3, "总学时"), (4, "理论学时"), (5, "实践学时")):
        cell_text(cell(1, col), title, size, bold=True)
    cell_text(cell(0, 6).merge(cell(1, 6)), "占总学时比例（%）", size, bold=True)
    repeat_as_header(table.rows[0])
    repeat_as_header(table.rows[1])
    r = 2
    major_start = {}
    for major, minor, credits, hours, theory, practice, share in STRUCTURE:
        if minor is None:
            cell_text(cell(r, 0).merge(cell(r, 1)), major, size, bold=major == "合计")
        else:
            major_start.setdefault(major, r)
            cell_text(cell(r, 1), minor, size)
        for col, value in enumerate([credits, hours, theory, practice, share], start=2):
            cell_text(cell(r, col), str(value), size, bold=major == "合计")
        r += 1
    for major, start in major_start.items():
        end = max(i for i, row in enumerate(STRUCTURE) if row[0] == major) + 2
        cell_text(cell(start, 0).merge(cell(end, 0)), major, size)


def page_number_footer(section):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = add_run(p, "", size=10.5)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def build():
    doc = Document()
    normal = doc.styles["Normal"]                # 正文
    set_fonts(normal.element, 12)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    normal.paragraph_format.space_after = Pt(0)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3.18)
    section.top_margin = section.bottom_margin = Cm(2.54)
    page_number_footer(section)

    for block in BODY:
        write_block(doc, block)

    props = doc.core_properties
    props.title = "机电一体化技术专业人才培养方案（2026级）"
    props.author = "南岭职业技术学院智能制造学院"
    props.last_modified_by = "南岭职业技术学院智能制造学院"
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.revision = 1
    props.created = datetime(2026, 6, 18, 9, 0, 0)
    props.modified = datetime(2026, 6, 18, 9, 0, 0)
    props.last_printed = datetime(2026, 6, 18, 9, 0, 0)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def deterministic(data):
    """The same zip with a fixed date on every entry, so that a rerun gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 6, 18, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    check()
    with open(OUT, "wb") as f:
        f.write(deterministic(build()))
    print(OUT)
