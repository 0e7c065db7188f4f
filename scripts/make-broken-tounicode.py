#!/usr/bin/env python3
"""Break a PDF's ToUnicode maps the way producers do, for test fixtures.

  make-broken-tounicode.py pua  IN.pdf OUT.pdf   every mapped glyph -> a private-use code point
  make-broken-tounicode.py none IN.pdf OUT.pdf   the /ToUnicode entries removed
  make-broken-tounicode.py space IN.pdf OUT.pdf  every mapped glyph -> a space (text extracts empty)

Needs qpdf (QDF mode keeps streams editable; fix-qdf repairs lengths and xref).
"""
import re, subprocess, sys, tempfile, os

mode, source, target = sys.argv[1:4]
with tempfile.TemporaryDirectory() as tmp:
    qdf = os.path.join(tmp, 'q.pdf')
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', source, qdf], check=True)
    data = open(qdf, 'rb').read()
    if mode == 'none':
        data = re.sub(rb'\n\s*/ToUnicode \d+ 0 R', b'', data)
    else:
        counter = iter(range(0xE000, 0xF8FF))
        def pua(match):
            return b'%s <%04X>' % (match.group(1), 0x20 if mode == 'space' else next(counter))
        # bfchar lines: <src> <dst>  (the destination becomes a private-use code)
        data = re.sub(rb'^(<[0-9A-Fa-f]{4}>) <[0-9A-Fa-f]{4,}>$', pua, data, flags=re.M)
        # bfrange lines: <lo> <hi> <dst> (dst counts up over the range; for spaces, one per code)
        def pua_range(match):
            if mode != 'space':
                return pua(match)
            lo, hi = (int(x, 16) for x in re.findall(rb'<([0-9A-Fa-f]{4})>', match.group(1)))
            return b'%s [%s]' % (match.group(1), b' '.join([b'<0020>'] * (hi - lo + 1)))
        data = re.sub(rb'^(<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}>) <[0-9A-Fa-f]{4,}>$', pua_range, data, flags=re.M)
    broken = os.path.join(tmp, 'broken.pdf')
    open(broken, 'wb').write(data)
    fixed = os.path.join(tmp, 'fixed.pdf')
    with open(fixed, 'wb') as out:
        subprocess.run(['fix-qdf', broken], check=True, stdout=out)
    # Compressed again, as a producer writes it.
    subprocess.run(['qpdf', '--compress-streams=y', '--object-streams=generate', fixed, target], check=True)
