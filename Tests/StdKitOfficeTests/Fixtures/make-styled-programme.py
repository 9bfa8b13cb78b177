#!/usr/bin/python3
"""Writes a short 专业教学标准 the way an office that uses Word's heading styles writes it:
Heading 1/2 for sections (numbers typed into the heading text), the 培养规格 lines as a
numbered list in List Number style, a course table with a category merged down and a total
merged across. python-docx (Debian python3-docx) only; the test that runs it
(WordImportDocxTests) imports the file and checks what the import made of it.

Usage: make-styled-programme.py OUTPUT.docx
"""
import sys

import docx

document = docx.Document()
document.core_properties.title = "智能制造装备技术专业教学标准"
document.add_heading("智能制造装备技术专业教学标准", level=0)
document.add_heading("一、专业名称及代码", level=1)
document.add_paragraph("专业名称：智能制造装备技术")
document.add_paragraph("专业代码：460701")
document.add_heading("二、修业年限", level=1)
document.add_paragraph("修业年限：三年。")
document.add_heading("三、培养规格", level=1)
document.add_heading("（一）知识", level=2)
document.add_paragraph("1.掌握机械制图与公差配合知识。")
document.add_paragraph("2.掌握PLC与伺服控制知识。")
document.add_heading("（二）能力", level=2)
document.add_paragraph("1.能够装调智能制造单元。")
document.add_heading("四、课程设置及学时安排", level=1)
document.add_paragraph("总学时：2600，总学分：140。")
table = document.add_table(rows=4, cols=3)
rows = [["课程类别", "课程名称", "学时"],
        ["专业核心课程", "智能制造单元装调", "96"],
        ["", "工业网络技术", "64"],
        ["合计", "", "160"]]
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        table.cell(r, c).text = value
table.cell(1, 0).merge(table.cell(2, 0))
table.cell(3, 0).merge(table.cell(3, 1))
# merge() joins the texts of the cells it merges; keep one.
table.cell(1, 0).text = "专业核心课程"
table.cell(3, 0).text = "合计"
document.save(sys.argv[1])
