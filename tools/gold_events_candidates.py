#!/usr/bin/env python3
"""List draft items that may contradict a rule of the events guideline, to be read and settled by hand.

    tools/gold_events_candidates.py [--rule NAME ...] [--data ../shared/data] DRAFT.jsonl...

Each candidate is printed as `draft:line  doc [sentence]  rule: what`, followed by the
candidate sentence (gold_show's numbering), so that the annotator reads it in context.
A candidate is only a candidate: the rules of docs/annotation/events_claims.md
("Decisions (events corpus)") decide. Rules (all by default):

  censure       ACCUSE `disapprove` whose trigger has no word of censure (Decision 31)
  backref       an event whose trigger is a generic back-reference noun (الحادث، الحكم …) (32)
  result        an ASSAULT on a result word (مقتل، إصابة …) beside another ASSAULT in its sentence (33)
  joint         a reciprocal event (meeting, agreement, cooperation) with both sides and joint false,
                or a joint event of a type that is not reciprocal (36)
  consult       CONSULT in a sentence of an inspection tour or internal meeting (38)
  demolition    an event on a demolition or destruction word not coded ASSAULT `destroy` (34)
  execution     ASSAULT `execute`, or killings of captives, arrests and jailing by a non-state actor (35)
  speechact     a verbal act (ACCUSE disapprove, REQUEST, REJECT, THREATEN, SUPPORT, AGREE) coded `reported`
                whose actor is the speaker of the claim it sits in, or coded `asserted` inside another
                source's claim (37)
  appeal        a claim with a speaker right after an appeal verb (دعا، طالب، ناشد، حث …), or a speaker's
                claim that runs on into a participle of demanding (مطالبا، داعيا …) (23)
  announce      a speaker's claim after أعلن in the same clause, to sort performative from constative (24)
  formula       an outlet claim that starts with the outlet's formula (يذكر أن، يشار إلى أن) (25)
  outlet        a `via` or speaker naming the publishing outlet (the record's `outlet` field) (26)
  sentences     documents with '..', a link line or a caption-like line, and their sentence count (19–21)
  programme     claims about programmes, courses and ceremonies that hold a figure, with their level (18, 30)

The text is printed to read, never to be copied into the project.
"""
import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_build import DraftError  # noqa: E402
from gold_build_events import span as resolve  # noqa: E402
from gold_show import sentences  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("news/saudinewsnet/articles.jsonl", "news/antcorpus/articles.jsonl")
# Arabic names of the publishing outlets (the record's `outlet` field), to recognise them in spans.
OUTLET_NAMES = {
    "okaz": ["عكاظ"], "alwatan": ["الوطن"], "almadina": ["المدينة"], "sabq": ["سبق"], "alriyadh": ["الرياض"],
    "aljazirah": ["الجزيرة"], "alyaum": ["اليوم"], "aleqtisadiya": ["الاقتصادية"], "aawsat": ["الشرق الأوسط"],
    "alweeam": ["الوئام"], "3alyoum": ["عاجل", "عالم اليوم"], "was": ["واس"], "arreyadi": ["الرياضي"],
    "arriyadiyah": ["الرياضية"], "Jawhara FM": ["الجوهرة"],
}
CENSURE = re.compile(r"أدان|إدان|ادان|استنكر|استنكار|انتقد|انتقاد|ندد|تنديد|شجب|اتهم|اتهام|استياء|غضب|احتج|"
                     r"لوم|لام|عار|مزاعم|تبرأ|رفض|استهجن|هاجم|ينتقد|يدين|تدين|ندين|نستنكر|امتعاض|سخط|تذمر|"
                     r"شكوى|اشتكى|شكا|ألوم|عتب|يلوم|تقاذف|الاتهامات")
BACKREF = re.compile(r"^(?:[وفبل]?(?:ال)?|[وف]?لل)(?:حادث|حادثة|واقعة|حكم|عملية|قرار|إجراء|اجراء|أمر|جريمة|"
                     r"حدث|فعل|عمل|خطوة)(?:ة)?$|^[وف]?(?:هذه|هذا|تلك|ذلك)\b")
RESULT = re.compile(r"مقتل|قتل|مصرع|استشهاد|إصابة|اصابة|جرح|أصيب|سقوط|وفاة|تدمير|أدى|نتج|تسبب")
DEMOLITION = re.compile(r"هدم|إزالة|ازالة|تجريف|دمر|تدمير|جرف|أزال|هدّم")
EXECUTION = re.compile(r"إعدام|اعدام|أعدم|اعدم|قطع رؤوس|رؤوس|ذبح|نحر|صلب|اعتقل|احتجز|سجن|زج|أسر")
STATE_HINT = re.compile(r"محكمة|وزارة|الداخلية|الشرطة|الأمن|السلطات|الحكومة|النيابة|القضاء|الجيش|قوات")
APPEAL = re.compile(r"(?:^|\s)[وف]?(?:دعا|دعت|يدعو|تدعو|داعيا|داعية|داعين|طالب|طالبت|يطالب|تطالب|مطالبا|مطالبة|"
                    r"مطالبين|ناشد|ناشدت|يناشد|تناشد|مناشدا|حث|حثت|يحث|تحث|حاثا|أهاب|أهابت|مهيبا|طلب|طلبت|"
                    r"يطلب|تطلب|شدد|شددت|مشددا|مشددة)(?:\s|$)")
ANNOUNCE = re.compile(r"(?<!\S)[وف]?(?:أعلن|أعلنت|اعلن|اعلنت|يعلن|تعلن|معلنا|معلنة|أعلنوا|إعلان|اعلان)(?!\S)")
SAYING = re.compile(r"(?<!\S)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|مشيرا|مؤكدا|أضاف|أضافت|مضيفا|بين|"
                    r"بينت|لافتا|موضحا|مبينا|ذكر|ذكرت|أفاد|أفادت|كشف|كشفت)(?!\S)")
DEMANDING = re.compile(r"(?<!\S)[وف]?(?:داعيا|داعياً|داعية|داعين|مطالبا|مطالباً|مطالبين|مناشدا|حاثا|حاثاً|مهيبا|"
                       r"مهيباً)(?!\S)")
FORMULA = re.compile(r"^\s*[وف]?(?:يذكر|يُذكر|يشار|يُشار|تجدر|الجدير)(?!\w)")
INSPECTION = re.compile(r"جولة|تفقد|تفقدية|تفقّد|اطلع|اطّلع|منسوبي|مديري|موظفي|زيارته|زيارتها|زيارة")
PROGRAMME = re.compile(r"برنامج|دورة|دورات|حفل|ملتقى|مسابقة|ورشة|فعاليات|مهرجان|حلقات|معرض|ندوة|مخيم|تكريم|احتفال")
VERBAL = {("ACCUSE", "disapprove"), ("REQUEST", None), ("REJECT", None), ("THREATEN", None), ("SUPPORT", None),
          ("AGREE", None)}
RECIPROCAL_TYPES = {"CONSULT", "AGREE", "COOPERATE"}


def load_texts(data: Path, wanted: set) -> dict:
    out = {}
    for rel in CORPORA:
        with (data / rel).open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    out[rec["id"]] = rec
    return out


class Doc:
    def __init__(self, rec):
        self.rec, self.text = rec, rec["text"]
        self.sents = list(sentences(self.text))

    def span(self, ref):
        if ref is None:
            return None
        s = resolve(self.text, ref, "ref")
        return s["start"], s["end"]

    def sent(self, off):
        for n, (_, s, e) in enumerate(self.sents, 1):
            if s <= off < e:
                return n
        return None

    def sentence_text(self, n):
        _, s, e = self.sents[n - 1]
        return self.text[s:e]

    def surf(self, sp):
        return None if sp is None else self.text[sp[0]:sp[1]]


def overlap(a, b):
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def candidates(rule, r, doc: Doc, items):
    """Yields (sentence, message) for one draft line r of a document whose lines are `items`."""
    if r["layer"] == "event":
        trig = doc.span(r["trigger"])
        tsurf = doc.surf(trig)
        n = doc.sent(trig[0])
        actor, recip = doc.span(r.get("actor")), doc.span(r.get("recipient"))
        desc = (f"{r['type']}/{r.get('mode')} «{tsurf}» actor={doc.surf(actor)} recipient={doc.surf(recip)} "
                f"{r['modality']}{' joint' if r.get('joint') else ''}")
        if rule == "censure" and r["type"] == "ACCUSE" and r.get("mode") == "disapprove" and not CENSURE.search(tsurf):
            yield n, desc
        if rule == "backref" and BACKREF.search(tsurf.strip()):
            yield n, desc
        if rule == "result" and r["type"] == "ASSAULT" and RESULT.search(tsurf):
            others = [x for x in items if x is not r and x["layer"] == "event" and x["type"] == "ASSAULT"
                      and doc.sent(doc.span(x["trigger"])[0]) == n]
            if others:
                yield n, desc + "  | also: " + "; ".join(f"«{x['trigger']['surface']}»" for x in others)
        if rule == "joint":
            if r["type"] in RECIPROCAL_TYPES and actor and recip and not r.get("joint"):
                yield n, desc + "  (both sides, not joint)"
            if r.get("joint") and r["type"] not in RECIPROCAL_TYPES | {"ASSAULT"}:
                yield n, desc + "  (joint, type not reciprocal)"
            if r.get("joint") and r["type"] == "ASSAULT" and r.get("mode") != "sideAB":
                yield n, desc + "  (joint ASSAULT, not sideAB)"
        if rule == "consult" and r["type"] == "CONSULT" and INSPECTION.search(doc.sentence_text(n)):
            yield n, desc
        if rule == "demolition" and DEMOLITION.search(tsurf) and not (r["type"] == "ASSAULT" and r.get("mode") == "destroy"):
            yield n, desc
        if rule == "execution":
            if r.get("mode") == "execute":
                yield n, desc + "  (execute)"
            elif EXECUTION.search(tsurf) and r["type"] in {"ASSAULT", "COERCE"} and (
                    r.get("actor_country") is None):
                a = doc.surf(actor) or ""
                if not STATE_HINT.search(a):
                    yield n, desc + "  (actor without a country)"
        if rule == "speechact" and ((r["type"], r.get("mode")) in VERBAL or (r["type"], None) in VERBAL):
            for c in items:
                if c["layer"] != "claim" or c.get("speaker") is None:
                    continue
                cs = doc.span(c["span"])
                if not cs[0] <= trig[0] < cs[1]:
                    continue
                if r["modality"] == "reported" and actor and overlap(doc.span(c["speaker"]), actor):
                    yield n, desc + "  (actor is the claim's speaker)"
                elif r["modality"] == "asserted":
                    yield n, desc + "  (asserted inside another source's claim)"
                break
    elif r["layer"] == "claim":
        cs = doc.span(r["span"])
        n = doc.sent(cs[0])
        speaker, via = doc.span(r.get("speaker")), doc.span(r.get("via"))
        _, s0, _ = doc.sents[n - 1]
        before = doc.text[s0:cs[0]]
        text = doc.surf(cs)
        desc = (f"claim {r['source_type']} speaker={doc.surf(speaker)} via={doc.surf(via)} {r.get('checkworthy')} "
                f"«{text[:80]}{'…' if len(text) > 80 else ''}»")
        if rule == "appeal" and speaker and APPEAL.search(" " + " ".join(before.split()[-4:]) + " "):
            yield n, desc
        if rule == "appeal" and speaker:
            m = DEMANDING.search(text)
            if m and m.start() > 0:
                yield n, desc + "  (runs on into a participle of demanding)"
        if rule == "announce" and speaker:
            found = list(ANNOUNCE.finditer(before))
            if found and not SAYING.search(before[found[-1].end():]):
                yield n, desc
        if rule == "formula" and r["source_type"] == "outlet" and FORMULA.search(text):
            yield n, desc
        if rule == "outlet":
            names = OUTLET_NAMES.get(doc.rec.get("outlet"), [])
            for role, sp in (("via", via), ("speaker", speaker)):
                if sp and any(nm in doc.surf(sp) for nm in names):
                    yield n, desc + f"  ({role} names the publishing outlet {doc.rec.get('outlet')})"
            if speaker and re.search(r"مراسل", doc.surf(speaker)):
                yield n, desc + "  (a correspondent as speaker)"
        if rule == "programme" and PROGRAMME.search(doc.text[s0:cs[1]]) and re.search(r"\d", text):
            yield n, desc


def sentence_candidates(r, doc: Doc):
    t = doc.text
    marks = []
    if ".." in t or "…" in t:
        marks.append("'..'")
    if re.search(r"رابط الخبر|http", t):
        marks.append("link line")
    if re.search(r"صورة|\(أرشيفية\)|أرشيفية|رويترز\s*$", t, re.M):
        marks.append("photo")
    if marks:
        yield 1, f"sentences={r['sentences']} of {len(doc.sents)} candidates; has {', '.join(marks)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rule", action="append", default=[])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--brief", action="store_true", help="do not print the sentence")
    ap.add_argument("drafts", nargs="+", type=Path)
    args = ap.parse_args()
    rules = args.rule or ["censure", "backref", "result", "joint", "consult", "demolition", "execution",
                          "speechact", "appeal", "announce", "formula", "outlet", "sentences", "programme"]
    lines = []
    for path in args.drafts:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                lines.append((f"{path}:{i}", json.loads(line)))
    texts = load_texts(args.data, {r["doc"] for _, r in lines})
    by_doc = {}
    for _, r in lines:
        by_doc.setdefault(r["doc"], []).append(r)
    docs = {d: Doc(rec) for d, rec in texts.items()}
    total = 0
    for rule in rules:
        for where, r in lines:
            doc = docs[r["doc"]]
            try:
                found = (list(sentence_candidates(r, doc)) if rule == "sentences" and r["layer"] == "doc"
                         else [] if rule == "sentences" else list(candidates(rule, r, doc, by_doc[r["doc"]])))
            except DraftError as e:
                print(f"{where}: {e}", file=sys.stderr)
                continue
            for n, msg in found:
                total += 1
                print(f"{where}  {r['doc']} [{n}]  {rule}: {msg}")
                if not args.brief and rule != "sentences":
                    print(f"    [{n}] {doc.sentence_text(n)}")
    print(f"{total} candidate(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
