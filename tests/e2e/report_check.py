#!/usr/bin/env python3
"""Checks for the HTML report in a real browser (tests/e2e/report_browser.sh calls these).

    report_check.py parse REPORT.html           the page parses; no script; the note is text
    report_check.py svg REPORT.html OUT.html    writes the chart alone, at its own size, and
                                                prints "WIDTH HEIGHT" for the screenshot
    report_check.py pixels SVG.html SHOT.png    the marks are where the SVG puts them
    report_check.py blank SHOT.png              the screenshot is not blank
    report_check.py paper REPORT.html OUT.html SIZE   the page with @page { size: SIZE }
"""
import html.parser
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"


def fail(message):
    print("report_check: " + message, file=sys.stderr)
    sys.exit(1)


class Elements(html.parser.HTMLParser):
    """The start tags and the text of a page, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path):
    page = open(path, encoding="utf-8").read()
    elements = Elements()
    elements.feed(page)
    elements.close()
    names = [tag for tag, _ in elements.tags]
    if "script" in names:
        fail("the page has a <script> element")
    for tag, attrs in elements.tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                fail("<%s> has an event handler attribute %s" % (tag, name))
            if name in ("src", "href") and value and not value.startswith(("#", "data:")):
                fail("<%s %s=%r> points outside the page" % (tag, name, value))
    for needed in ("svg", "table", "title", "desc", "caption"):
        if needed not in names:
            fail("the page has no <%s>" % needed)
    text = "".join(elements.text)
    if HOSTILE not in text:
        fail("the journal's note %r is not shown as text" % HOSTILE)
    if "<b>dinner</b>" not in text:
        fail("the person's own trigger is not shown as text")


def chart(path):
    """The first <svg> of the page, parsed as XML (the page is well-formed XML too)."""
    root = ET.parse(path).getroot()
    for element in root.iter():
        if element.tag in (SVG + "svg", "svg"):
            return element
    fail("no <svg> in " + path)


def svg(path, out):
    element = chart(path)
    width, height = element.get("width"), element.get("height")
    if not width or not height:
        fail("the <svg> has no width and height of its own")
    ET.register_namespace("", SVG[1:-1])
    markup = ET.tostring(element, encoding="unicode")
    with open(out, "w", encoding="utf-8") as page:
        page.write('<!DOCTYPE html><html><head><meta charset="utf-8"/><style>'
                   "html,body{margin:0;padding:0;background:#fff}svg{display:block}"
                   "</style></head><body>" + markup + "</body></html>")
    print(int(float(width)), int(float(height)))


def png_pixels(path):
    """Width, height and rows of (r, g, b) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail("%s: only 8-bit RGB(A) PNGs without interlace are read here" % path)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def dark(pixel):
    r, g, b = pixel
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 160


def pixels(svg_page, shot):
    element = chart(svg_page)
    view = [float(v) for v in element.get("viewBox").replace(",", " ").split()]
    scale_x = float(element.get("width")) / view[2]
    scale_y = float(element.get("height")) / view[3]
    # Each point with its fill, its own or its group's.
    circles = []
    for group in element.iter():
        for c in group.findall(SVG + "circle"):
            if "severity" in (c.get("class") or "").split():
                circles.append((c, c.get("fill") or group.get("fill")))
    if len(circles) < 30:
        fail("the chart has %d severity points; a 90-night journal should have many" % len(circles))
    width, height, rows = png_pixels(shot)
    missed = []
    for c, fill in circles:
        if not fill or not fill.startswith("#") or len(fill) != 7:
            fail("a severity point has no #rrggbb fill of its own or its group's")
        colour = tuple(int(fill[i:i + 2], 16) for i in (1, 3, 5))
        x = round((float(c.get("cx")) - view[0]) * scale_x)
        y = round((float(c.get("cy")) - view[1]) * scale_y)
        # The point's own colour at its centre: not the mean line's, a marker's or the grid's.
        if not (0 <= x < width and 0 <= y < height) or \
                max(abs(a - b) for a, b in zip(rows[y][x], colour)) > 40:
            missed.append((c.get("cx"), c.get("cy"), rows[y][x] if 0 <= y < height and 0 <= x < width else None))
    if missed:
        fail("%d of %d severity points are not drawn where the SVG puts them, e.g. %s"
             % (len(missed), len(circles), missed[:3]))
    # Between the marks the chart is mostly background: it is a chart, not a dark block.
    total = sum(1 for row in rows for p in row if dark(p))
    if not 0.002 < total / (width * height) < 0.5:
        fail("%.1f%% of the chart's pixels are dark" % (100.0 * total / (width * height)))
    print("%d severity points drawn where the SVG puts them" % len(circles))


def blank(shot):
    width, height, rows = png_pixels(shot)
    colours = {p for row in rows[::4] for p in row[::4]}
    dark_pixels = sum(1 for row in rows for p in row if dark(p))
    if len(colours) < 3 or dark_pixels < 500:
        fail("%s looks blank (%d colours, %d dark pixels)" % (shot, len(colours), dark_pixels))


def paper(path, out, size):
    page = open(path, encoding="utf-8").read()
    style = "<style>@page { size: %s; }</style></head>" % size
    if "</head>" not in page:
        fail("the page has no </head>")
    open(out, "w", encoding="utf-8").write(page.replace("</head>", style, 1))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    {"parse": parse, "svg": svg, "pixels": pixels, "blank": blank, "paper": paper}[command](*args)


if __name__ == "__main__":
    main()
