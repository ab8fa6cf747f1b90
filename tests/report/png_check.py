#!/usr/bin/env python3
"""Is a screenshot blank?  Reads a PNG with the standard library only (zlib + struct).

    tests/report/png_check.py SHOT.png [--crop Y0,Y1 OUT.png]

Prints "WIDTHxHEIGHT, N colours, P% not white" and exits 0 when the page shows something
(at least 16 distinct colours and 2 % of pixels not near-white), 1 when it is blank.
--crop also writes rows Y0..Y1 to OUT.png (used to cut docs/report-example.png)."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise SystemExit('%s: not a PNG file' % path)
    pos, idat = 8, b''
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or interlace or ctype not in (2, 6):
                raise SystemExit('%s: only 8-bit RGB(A), non-interlaced PNG is read here' % path)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
    bpp = 3 if ctype == 2 else 4
    return w, h, bpp, unfilter(zlib.decompress(idat), w, h, bpp)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def unfilter(raw, w, h, bpp):
    stride, rows, prev, i = w * bpp, [], bytearray(w * bpp), 0
    for _ in range(h):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + prev[x]) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + prev[x]) // 2) & 255
            elif kind == 4:
                line[x] = (line[x] + paeth(a, prev[x], prev[x - bpp] if x >= bpp else 0)) & 255
        rows.append(bytes(line))
        prev = line
    return rows


def write_png(path, w, bpp, rows):
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
    header = struct.pack('>IIBBBBB', w, len(rows), 8, 2 if bpp == 3 else 6, 0, 0, 0)
    raw = b''.join(b'\x00' + r for r in rows)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def main():
    w, h, bpp, rows = read_png(sys.argv[1])
    colours, ink = set(), 0
    for row in rows:
        for x in range(0, w * bpp, bpp):
            px = row[x:x + 3]
            colours.add(px)
            if min(px) < 235:
                ink += 1
    share = 100.0 * ink / (w * h)
    print('%dx%d, %d colours, %.1f%% not white' % (w, h, len(colours), share))
    if len(sys.argv) == 5 and sys.argv[2] == '--crop':
        y0, y1 = map(int, sys.argv[3].split(','))
        write_png(sys.argv[4], w, bpp, rows[y0:y1])
    return 0 if len(colours) >= 16 and share >= 2.0 else 1


if __name__ == '__main__':
    sys.exit(main())
