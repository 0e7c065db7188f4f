#!/usr/bin/env python3
"""A DOCX's tables as Word writes them by default: cells top-aligned (no vAlign
or vAlign top), Word's default cell margins (0.19 cm left and right, none top
and bottom), no borders.  make-top-aligned.py IN.docx OUT.docx"""
import re, sys, zipfile
source, target = sys.argv[1:3]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'word/document.xml':
            xml = data.decode('utf-8')
            xml = re.sub(r'<w:vAlign w:val="[a-z]+"/>', '<w:vAlign w:val="top"/>', xml)
            xml = re.sub(r'<w:tblCellMar>.*?</w:tblCellMar>', '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>', xml)
            xml = re.sub(r'<w:tcBorders>.*?</w:tcBorders>', '<w:tcBorders></w:tcBorders>', xml)
            xml = re.sub(r'<w:tblBorders>.*?</w:tblBorders>', '', xml)
            data = xml.encode('utf-8')
        zout.writestr(item, data)
