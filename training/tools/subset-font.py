# Subsets Noto Sans CJK JP to the card font; see training/src/main/resources/org/mimamori/training/card/fonts/README.md
import sys
from fontTools.ttLib import TTFont
from fontTools import subset
src = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
for i in range(10):
    f = TTFont(src, fontNumber=i)
    name = f["name"].getDebugName(4)
    if name == "Noto Sans CJK JP":
        break
print("font", i, name)
chars = set()
for lo, hi in [(0x20, 0x7E), (0xA0, 0xFF), (0x370, 0x3FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F),
               (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),
               (0x2600, 0x26FF), (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0xFF00, 0xFFEF)]:
    chars.update(range(lo, hi + 1))
for b1 in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
    for b2 in range(0x40, 0xFD):
        try:
            chars.update(ord(c) for c in bytes([b1, b2]).decode("cp932"))
        except UnicodeDecodeError:
            pass
opts = subset.Options()
opts.name_IDs = ["*"]
opts.name_languages = ["*"]
opts.notdef_outline = True
opts.layout_features = []
opts.hinting = False
opts.desubroutinize = False
s = subset.Subsetter(opts)
s.populate(unicodes=sorted(chars))
s.subset(f)
f.save(sys.argv[1])
print(len(chars), "code points")
