#!/usr/bin/env python3
"""Generates a realistic standards project for benchmarks, deterministically from a seed.

Job profiles take their requirements from O*NET 29.3 task statements (../shared/corpora/onet-29.3,
"This work uses O*NET 29.3 by the U.S. Department of Labor, Employment and Training
Administration (USDOL/ETA), used under the CC BY 4.0 license."); courses cover them with
outcomes and units; materials support courses; one programme lists every course. Text mixes
Chinese and English, with tables and lists. The project is written to a folder, never committed.

    bench/generate.py OUT --documents 10000 [--seed 1] [--revise 1.0]

--revise P changes P percent of the job profiles and courses as a second revision would
(rewords an item, adds one, removes one, edits a table cell), in place.
"""
import argparse, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ONET = os.path.join(HERE, "..", "..", "shared", "corpora", "onet-29.3", "Task Statements.txt")

CHINESE = ["能按照安全规程完成设备开机与急停测试", "能识读工艺文件并确定加工参数", "能完成日常点检并填写记录",
           "能根据报警信息排除常见故障", "能与班组成员协作完成换型", "能执行质量检验并记录数据",
           "能使用示教器进行手动操纵", "能备份与恢复程序和参数", "能编制维护保养计划", "能对新员工进行安全交底"]


def tasks():
    if not os.path.exists(ONET):
        sys.exit("bench/generate.py: ../shared/corpora/onet-29.3 is absent")
    with open(ONET, encoding="utf-8") as f:
        next(f)
        rows = [line.rstrip("\n").split("\t") for line in f]
    occupations = {}
    for row in rows:
        if len(row) > 3:
            occupations.setdefault((row[0], row[1]), []).append(row[3])
    return [(code, title, statements) for (code, title), statements in sorted(occupations.items()) if len(statements) >= 6]


def job(i, occupation, rng):
    code, title, statements = occupation
    requirements = statements[:8]
    lines = ["---", f"id: JOB-{i:05d}", "kind: job-profile", f"title: \"{title} 岗位能力标准\"", "version: 1.0.0",
             "status: review", f"occupation: \"{code}\"", "---", "", f"# {title}", "", "## 典型工作任务", "",
             f"本岗位对应 O*NET {code}。{rng.choice(CHINESE)}，并{rng.choice(CHINESE)}。", "",
             "| 任务 | 频次 |", "| --- | --- |", f"| {rng.choice(CHINESE)} | 每班 |", f"| {rng.choice(CHINESE)} | 每周 |", "",
             "## 职业能力要求", ""]
    for n, statement in enumerate(requirements, 1):
        lines.append(f"- **R{n}** {statement} {{level={1 + (n % 4)}}}")
    return "\n".join(lines) + "\n", len(requirements)


def course(i, jobs, rng):
    lines = ["---", f"id: COURSE-{i:05d}", "kind: course", f"title: 课程 {i}", "version: 1.0.0", f"code: \"C{i:05d}\"",
             "hours: {theory: 16, practice: 32}", "credits: 3", f"semester: {1 + i % 6}", "category: professional-core", "---", "",
             f"# 课程 {i}", "", "## 课程性质与任务", "", f"{rng.choice(CHINESE)}。This course prepares students for the workplace.", "",
             "## 课程目标", ""]
    for n, (job_id, requirement) in enumerate(jobs, 1):
        lines.append(f"- **LO{n}** {rng.choice(CHINESE)} → {job_id}#R{requirement} {{level=3}}")
    lines += ["", "## 课程内容与学时分配", "", "### **U1** 基础 {hours=16}", "", f"{rng.choice(CHINESE)}。", "",
              "### **U2** 实训 {hours=32}", "", "1. 准备\n2. 实施\n3. 评价", "", "## 考核评价", "", "过程考核占 60%，期末考核占 40%。"]
    return "\n".join(lines) + "\n"


def material(i, course_id):
    return "\n".join(["---", f"id: MAT-{i:05d}", "kind: material", f"title: 实训指导书 {i}", "version: 1.0.0",
                      f"supports: [{course_id}]", "---", "", f"# 实训指导书 {i}", "", f"- **C1** 实训一 → {course_id}#U2", ""])


def generate(out, documents, seed):
    rng = random.Random(seed)
    occupations = tasks()
    n_jobs = documents * 3 // 10
    n_courses = documents * 5 // 10
    n_materials = documents - n_jobs - n_courses - 1
    os.makedirs(os.path.join(out, "jobs"), exist_ok=True)
    os.makedirs(os.path.join(out, "courses"), exist_ok=True)
    os.makedirs(os.path.join(out, "materials"), exist_ok=True)
    with open(os.path.join(out, "stdkit.yml"), "w", encoding="utf-8") as f:
        f.write("name: 基准测试项目\nrules: {missing-section: off, uncovered-requirement: off, unserved-specification: off}\n")
    counts = []
    for i in range(n_jobs):
        text, count = job(i, occupations[i % len(occupations)], rng)
        counts.append(count)
        with open(os.path.join(out, "jobs", f"job-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
    for i in range(n_courses):
        covered = [(f"JOB-{(i + k) % n_jobs:05d}", 1 + (i + k) % counts[(i + k) % n_jobs]) for k in range(3)]
        with open(os.path.join(out, "courses", f"course-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(course(i, covered, rng))
    for i in range(n_materials):
        with open(os.path.join(out, "materials", f"material-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(material(i, f"COURSE-{i % n_courses:05d}"))
    entries = "\n".join(f"  - {{id: COURSE-{i:05d}, category: professional-core, semester: {1 + i % 6}, hours: {{theory: 16, practice: 32}}, credits: 3}}"
                        for i in range(n_courses))
    with open(os.path.join(out, "programme.md"), "w", encoding="utf-8") as f:
        f.write(f"---\nid: PROG-BENCH\nkind: programme\ntitle: 基准专业\nversion: 1.0.0\ntotal_hours: {48 * n_courses}\ncredits: {3 * n_courses}\ncourses:\n{entries}\n---\n\n# 基准专业\n")


def revise(out, percent, seed):
    rng = random.Random(seed + 1)
    changed = 0
    for folder in ["jobs", "courses"]:
        names = sorted(os.listdir(os.path.join(out, folder)))
        for name in rng.sample(names, max(1, int(len(names) * percent / 100))):
            path = os.path.join(out, folder, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if folder == "jobs":
                text = text.replace("| 每周 |", "| 每月 |").replace("- **R1** ", "- **R1** Safely ", 1)
                text = text.replace("version: 1.0.0", "version: 1.1.0") + "- **R9** 能记录生产数据。 {level=2}\n"
            else:
                text = text.replace("过程考核占 60%", "过程考核占 50%").replace("version: 1.0.0", "version: 1.0.1")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            changed += 1
    print(f"revised {changed} documents")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--revise", type=float, default=None)
    args = parser.parse_args()
    if args.revise is not None:
        revise(args.out, args.revise, args.seed)
    else:
        generate(args.out, args.documents, args.seed)
        print(f"generated {args.documents} documents in {args.out}")
