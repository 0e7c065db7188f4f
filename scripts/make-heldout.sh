#!/bin/bash
# Rebuild fixtures/heldout (its README says what it is) from the seeds, with the
# tools the shared corpus was made with.  Needs chromium, soffice (LibreOffice
# 7.4), pdftotext (poppler), mutool (MuPDF), pdf2txt (pdfminer.six), pandoc,
# and @fontsource/noto-sans-tc installed in FONTS (default /tmp/fonts):
#   (mkdir -p /tmp/fonts && cd /tmp/fonts && npm i @fontsource/noto-sans-tc)
set -e
cd "$(dirname "$0")/.."
H=fixtures/heldout; FONTS=${FONTS:-/tmp/fonts}/node_modules/@fontsource/noto-sans-tc
work=$(mktemp -d)
node bin/plan-parse.js fixtures/seeds -o $work/seeds -q
node scripts/make-heldout.mjs $work/seeds $work/lo
FONT_CSS=file://$FONTS node scripts/make-heldout.mjs $work/seeds $work/chromium
mkdir -p $work/pdf
for page in $work/chromium/html/*.html; do
  chromium --headless --disable-gpu --no-sandbox --allow-file-access-from-files --virtual-time-budget=20000 \
    --no-pdf-header-footer --print-to-pdf=$work/pdf/$(basename $page .html).pdf file://$page >/dev/null 2>&1
done
(cd $work/lo/html && soffice --headless --convert-to odt:writer8 *.html >/dev/null 2>&1 \
  && soffice --headless --convert-to pdf *.odt >/dev/null 2>&1 \
  && soffice --headless --convert-to docx:"MS Word 2007 XML" *.odt >/dev/null 2>&1)
for pdf in $work/lo/html/*.pdf; do cp $pdf $work/pdf/$(basename $pdf .pdf)-lo.pdf; done
rm -rf $H/html $H/gold $H/text $H/files $H/extractors $H/converters
mkdir -p $H/text $H/files $H/extractors $H/converters
cp -r $work/lo/html $H/html; rm -f $H/html/*.odt $H/html/*.pdf $H/html/*.docx
cp -r $work/lo/gold $H/gold
cp $work/lo/html/*.odt $work/lo/html/*.docx $H/files/
for pdf in $work/pdf/*.pdf; do
  name=$(basename $pdf .pdf); base=${name%-lo}; lo=${name#$base}
  pdftotext -enc UTF-8 $pdf $H/text/$base$lo-raw.txt
  pdftotext -layout -enc UTF-8 $pdf $H/text/$base$lo-layout.txt
  mutool draw -q -F txt -o $H/extractors/$name.mutool-draw.txt $pdf
  pdf2txt -o $H/extractors/$name.pdfminer.txt $pdf
  pdftotext -raw -enc UTF-8 $pdf $H/extractors/$name.pdftotext-raw.txt
done
for docx in $H/files/*.docx; do
  name=$(basename $docx .docx)
  pandoc -f docx -t gfm $docx -o $H/converters/$name.pandoc-gfm.md
  pandoc -f docx -t plain $docx -o $H/converters/$name.pandoc-plain.txt
done
# Eight documents' PDFs are kept (size); the texts above were made from all of them.
for name in 80_heldout-002-1-kpi 81_heldout-002-2-kpi 86_heldout-002-17-kpi 87_heldout-002-19-kpi 88_heldout-000-1-kpi 89_heldout-001-1-workplan 93_heldout-004-1-report 94_heldout-004-2-report; do
  cp $work/pdf/$name.pdf $work/pdf/$name-lo.pdf $H/files/
done
# ALL_PDFS=<folder> keeps every PDF made (for measuring; too big for the repository).
if [ -n "$ALL_PDFS" ]; then mkdir -p "$ALL_PDFS" && cp $work/pdf/*.pdf "$ALL_PDFS"/; fi
rm -rf $work
