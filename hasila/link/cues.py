"""Cue words of the linker: casualty triggers, qualifiers, subset markers,
date/duration/thing units and perpetrator/place markers.

Everything is folded once (:func:`hasila.link.text.key`); tokens are matched
with their clitics and article stripped (:meth:`hasila.link.text.Tok.has`).
"""

from __future__ import annotations

from hasila.link.text import key, keys, phrases

# ------------------------------------------------------------------ status triggers
STATUS_TRIGGERS: dict[str, frozenset[str]] = {
    "killed": keys("""
        قتل قتلوا قتلت قتلا قتلن قتلنا قتلتم يقتل تقتل مقتل مقتلهم مقتلهما قتلى قتيل قتيلا قتيلاً قتيلين قتيلان
        مصرع مصرعهم مصرعه مصرعها مصرعهما استشهد استشهدوا استشهدت استشهدا استشهاد استشهادهم شهداء شهيد شهيدا
        قضى قضوا قضت قضين حتفه حتفهم حتفها حتفهما الموت موت وفاة وفيات وفاتهم توفي توفوا توفيت توفيا
        مات ماتوا ماتت ماتا يموت يموتون يموتوا غرق غرقت غرقوا غرقا غرقى غريق خسر خسرت خسروا يخسر تخسر يخسرون يخسروا جثث جثة جثامين جثمان ضحايا ضحية ضحيتها ضحيته ضحيتهم ضحيتهما ضحاياها إعدام أعدم أعدموا أعدمت اغتيال اغتيل اغتيلوا اغتال اغتالت اغتالوا يغتال تغتال اغتيالات
        سقوط سقط سقطوا لقي لقوا لقيت حصيلة القتلى يقضون قضيا قضتا فارقوا فارق فارقت جثتي جثتا
        جثتين جثتان رفات ارتقى ارتقوا ارتقت ارتقيا
        مقتول مقتولا مقتولاً مقتولين مقتولون مقتولة مقتولتين
        أودى أودت يودي تودي أزهق أزهقت موقعا موقعاً موقعة أوقع أوقعت بحياة
        ذبح ذبحوا ذبحت ذبحهم نحر نحروا نحرت قتلهم قتلتهم تصفية متوفين متوفون متوفيين
        """),
    "injured": keys("""
        جرح جرحى جريح جريحا جريحاً جريحين جريحان جرحوا جرحت إصابة إصابات إصابتهم أصيب أصيبوا أصيبت أصيبا
        يصاب مصاب مصابين مصابا مصاباً مصابون بجروح جروح إعاقة إعاقات بإعاقات معاقين عولج عولجوا
        أصاب أصابت أصابوا أصابا أصبن جرحن
        """),
    "detained": keys("""
        اعتقل اعتقلوا اعتقلت اعتقال اعتقالات معتقل معتقلين معتقلا معتقلاً معتقلون معتقلة معتقلات
        احتجاز احتجز احتجزت احتجزوا محتجز محتجزين محتجزات توقيف أوقف أسر أسرى أسير
        أوقفت أوقفوا توقيفهم موقوفين موقوفا القبض تحتجز يحتجز احتجازهم اعتقالهم سجين سجينا سجناء
        بالسجن بسجن بحبس بالحبس يعتقل تعتقل يعتقلون قبض أسرت أسروا إيقاف اعتقلهم اعتقلتهم اعتقلن أوقفن احتجزن
        قبضت قبضوا تقبض يقبض
        """),
    "abducted": keys("""
        خطف خطفوا خطفت اختطف اختطفوا اختطفت اختطاف مختطف مختطفين مختطفا مختطفة مختطفات
        خطفهم خطفتهم اختطفهم اختطفتهم اختطافهم مخطوف مخطوفين مخطوفون مخطوفا مخطوفة مخطوفات مختطفون اختطفن خطفن
        """),
    "missing": keys("""
        فقدان مفقود مفقودين مفقودا مفقودون فقدوا اختفاء مختفين مصير مصيرهم مصيره مصيرها اختفى اختفوا اختفت
        مفقودة مفقودات مصيرهن
        """),
    "other": keys("""
        نزح نزحوا نزوح نازح نازحين نازحون تهجير هجر تهجيرهم تشريد شرد شردت شردوا غادر غادروا مغادرة خرج خرجوا خروج
        إجلاء أجلي إخلاء فر فروا لجأ لاجئ لاجئين لاجئون يعيش يعيشون يقيم يقطن يحتاج يحتاجون
        يحتمون تضم يضم تقل عبروا عبور وصل وصول أفرج أفرجت أفرجوا الإفراج سراح
        نجا نجوا نجت نجيا ينجو ناجين ناجون ناجيا الفرار فرار الهرب هرب هربوا هربت فرت
        """),
}
#: Casualty verbs that agree with a plural or dual subject (``14 عنصرا من قوات الأمن،
#: قتلوا في هجمات``): they say what befell the count that is their subject, further on in
#: its sentence than a verb right after the noun.
AGREEING_VERBS = keys("""
    قتلوا قتلا قتلن استشهدوا استشهدا قضوا قضيا قضين توفوا توفيا توفين ماتوا ماتا حتفهم حتفهما غرقوا
    أصيبوا أصيبا أصبن جرحوا جرحا جرحن اعتقلوا اعتقلا اعتقلن أوقفوا أوقفا أوقفن احتجزوا احتجزن اختطفوا اختطفا
    اختطفن خطفوا خطفا خطفن فقدوا
    استشهادهم مقتلهم وفاتهم مصرعهم استشهادهما مقتلهما وفاتهما مصرعهما
    """)
#: ``تكبدت قوات النظام 12 قتيلا``, ``كبدت الفصائل التنظيم 30 قتيلا``, ``فقد التنظيم 22
#: قتيلا``: the side named right after these (or right before تكبد) suffered the losses counted
#: after it.
SUFFER_VERBS = keys("""
    تكبد تكبدت تكبدوا يتكبد تتكبد تكبدها تكبدهم كبد كبدت كبدوا يكبد تكبيد كبدها كبدتها
    فقد فقدت خسر خسرت
    """)
#: ``المصابين وعددهم 35``: "their number", said of people (``عددها`` is said of things as well).
NUMBER_OF_THEM = keys("عددهم عددهن عددهما وعددهم وعددهن")
#: The words between people and ``عددهم`` (``الركاب البالغ عددهم``, ``الجرحى الذين بلغ عددهم``).
NUMBER_OF_THEM_LINKS = keys("البالغ الذين اللواتي اللاتي بلغ يبلغ وبلغ ويبلغ تبلغ يناهز يقدر ويقدر يصل وصل")
#: ``ستين من هؤلاء المتشددين``: a demonstrative between a partitive من and its group.
DEMONSTRATIVES = keys("هؤلاء هذه هذا أولئك تلك ذلك هذين هاتين")
#: ``ثلاثة دون سن الثامنة عشرة``, ``أربعة تحت سن 18``: people under age, children.
UNDER_AGE = phrases([f"{below} {age}" for below in ("دون", "دون سن", "تحت سن", "تحت")
                     for age in ("الثامنة عشرة", "الثامنة عشر", "18", "الـ 18", "ال 18", "الـ18")])
#: Trigger words that are only casualty words right before a count or people noun.
#: ``ضبط 4 مطلوبين``: seized, an arrest when people follow (things are seized as well).
SEIZED = keys("ضبط ضبطت بضبط")
WEAK_TRIGGERS = keys("سقوط سقط سقطوا لقي لقوا لقيت حصيلة موقعا موقعاً موقعة أوقع أوقعت غرق غرقت أصاب أصابت أصابوا أصابا إيقاف رفات تصفية") \
    | SEIZED
#: ``أصاب 20 آخرين``: the active verbs of wounding (a weak trigger: they also say a shell
#: hit a building, or an illness struck people).
STRUCK_VERBS = keys("أصاب أصابت أصابوا أصابا")
#: Illnesses named before the verb that struck people (``الكوليرا التي أصابت مليون شخص``).
ILLNESS_NOUNS = keys("الكوليرا كوليرا المرض مرض الوباء وباء الفيروس فيروس كورونا السرطان الحصبة الإنفلونزا الحمى")
#: ``لقي حتفه`` / ``لقوا مصرعهم``: a death told with the possessive of its own subject.
OWN_DEATHS = keys("حتفه حتفها حتفهم حتفهما حتفهن مصرعه مصرعها مصرعهم مصرعهما مصرعهن")
#: ``لقي القيادي مصرعه``: one person's death, told with his own possessive; it does not reach a
#: figure further on in the sentence (``مصرعه مع 6 آخرين`` right before one does).
ONE_PERSONS_DEATH = keys("مصرعه مصرعها حتفه حتفها")
#: ``راح ضحيته 12 شخصا``: the victims of an attack named before, said right after it; not the
#: status of people counted further on in the sentence.
VICTIM_OF = keys("ضحيته ضحيتها ضحيتهم ضحيتهما")
#: Triggers that name the status of a count right after them only (``غرق 660 شخصا``, not ``غرق
#: قارب يقل 50 مهاجرا``); qualifiers may come between.
ADJACENT_TRIGGERS = keys("غرق غرقت")
#: Death words that make a detainee/abductee/injured noun a killed count (``وفاة 23 معتقلاً``).
DEATH_WORDS = keys("""
    مقتل قتل قتلوا استشهاد استشهد استشهدوا وفاة توفي توفوا توفيت قضى قضوا قضيا يقضون مات ماتوا مصرع
    فارقوا فارق جثث جثة جثتي جثتا جثتين جثتان تصفية إعدام أعدم أعدموا
    """)
#: Suicide attackers (``فجر أربعة انتحاريين أحزمتهم``): counted by a number, they died in
#: their attack unless the report says otherwise (``اعتقال ثلاثة انتحاريين``).
SUICIDE_NOUNS = keys("""
    انتحاري انتحاريين انتحاريون انتحاريا انتحارياً انغماسي انغماسيين انغماسيون انغماسيا انغماسياً
    أنغماسيين انتحاريات
    """)
#: Words of a blast set off by the attackers (``فجروا أحزمتهم``, ``عمليات انتحارية``); the first
#: four also right before a count of the people who set it off (``تفجير 3 عناصر من التنظيم``).
BLAST_WORDS = keys("""
    تفجير فجر فجرا فجروا فجرت تفجيرات انتحارية مفخخة مفخخات ناسف ناسفة ناسفين ناسفا أحزمتهم أنفسهم
    """)
BLAST_BY = keys("تفجير فجر فجرا فجروا")
#: Security forces named by no state: they are the state's where the report is (the
#: Syrian government's in Syria, another state's abroad).
STATE_FORCES = keys(("القوات الأمنية", "القوة الأمنية", "قوات الأمن", "الأجهزة الأمنية", "الجيش", "قوات الجيش", "رجال الأمن",
                     "القوات المسلحة"))
#: A group's families joined to it (``من المسلحين وعائلاتهم``): the count is of both, ``people``.
FAMILY_WORDS = keys("عائلاتهم عائلاتهن عوائلهم أسرهم ذويهم أهاليهم")
#: Kin counted as men (categories.yaml), who take the kind of a total they are part of.
KIN_NOUNS = keys("أشقاء اشقاء شقيقين شقيقان")
#: Martyrs (``11 شهيدا``): civilians where the report counts its own dead as a civilian toll,
#: a plain toll where the government's media count them.
MARTYR_NOUNS = keys("شهيد شهيدا شهيداً شهداء شهيدان شهيدين")
#: The government's media (``أفادت سانا``, ``التلفزيون الرسمي``), words of a sentence.
STATE_MEDIA = keys("سانا")
STATE_MEDIA_PHRASES = phrases(["وكالة الأنباء السورية", "الوكالة العربية السورية", "التلفزيون الرسمي",
                               "التلفزيون السوري", "الإعلام الرسمي", "وسائل الإعلام الرسمية",
                               "التلفزيون الحكومي", "الإعلام الحكومي", "وكالة الأنباء الرسمية"])
#: Words of people held (not arrested): held by the side that abducted others of the report,
#: or as hostages, they are abducted (``ما زالوا محتجزين لدى التنظيم``, ``رهائن``).
HELD_WORDS = keys("محتجز محتجزين محتجزون محتجزة محتجزات احتجاز الاحتجاز يحتجز تحتجز يحتجزون تحتجزهم يحتجزهم")
HOSTAGE_WORDS = keys("رهائن رهينة رهينتين رهينتان")
#: ``مصير``: a missing trigger only where the fate is said unknown (``لا يعرف مصيرهم``,
#: ``مصير 17 رجلا ما زال مجهولا``), not in ``قلقها على مصير آلاف المدنيين``.
FATE_WORDS = keys("مصير مصيرهم مصيره مصيرها")
UNKNOWN_WORDS = keys("مجهول مجهولا مجهولاً مجهولة مجهولين مجهولي يعرف يعرفون معروف غامض غامضا غامضاً غامضة")
#: ``قضى``/``قضت`` that rules, not dies: before a court or a ruling (``قضت محكمة بسجن``, ``قضى
#: الحكم بإعدام``, ``قضت بسجن``).
RULING_VERBS = keys("قضى قضت")
RULERS_AND_RULINGS = keys("""
    محكمة المحكمة محاكم المحاكم القاضي قاض الحكم حكم الاتفاق الاتفاقية القرار قرار
    بسجن بالسجن بإعدام بالإعدام بحبس بالحبس بإحالة ببراءة بتبرئة بأن بالإفراج بإطلاق بتغريم
""")
#: Kin lost (``فقدوا والديهم``): nothing befell the people counted.
LOST_KIN = keys("والديهم والديه والدته والده أمهاتهم آباءهم آبائهم أسرهم ذويهم عائلاتهم أهلهم معيلهم")
#: An illness after a wounded word (``مصاب بمرض``, ``إصابة بالكوليرا``): no casualty of violence.
ILLNESSES = keys("""بمرض بأمراض بداء بفيروس بالسرطان بسرطان بالكوليرا بالحصبة بالتوحد بالإنفلونزا بكورونا
                   بالملاريا بالإيدز بالإيبولا بالسل بالتهاب بالسكري بالجرب بالتيفوئيد بالليشمانيا بسوء""")
#: ``القضاء على``: eliminating (killing) the people counted next, the way army statements say it;
#: ``القضاء`` alone is the judiciary.
ELIMINATION = keys("القضاء والقضاء بالقضاء للقضاء")
#: ``بإعدام``/``بالإعدام``: a death sentence (``حكم بالإعدام على``, ``أمرت بإعدام``), not an
#: execution, unless carried out (``نفذ``, ``قام التنظيم بإعدام``).
SENTENCED_TO_DEATH = keys("بإعدام بالإعدام")
CARRIED_OUT = keys("نفذ نفذت نفذوا ينفذ تنفذ ينفذون تنفيذ قام قامت قاموا أعقبه أعقبها بدأ")
#: The charges they face (``بتهم تشمل قتل``): the killing named after is what they are accused of.
CHARGE_WORDS = keys("بتهمة بتهم تهمة تهم بجرائم بجريمة")
#: People who gather (``تجمع آلاف``, ``احتشد المئات``): a crowd, whatever befell those it remembers.
GATHER_VERBS = keys("تجمع تجمعت احتشد احتشدت تظاهر تظاهرت شارك شاركت يشارك تشارك")
#: An attempt on them (``محاولة قتل``, ``حاولوا خطف``, ``الشروع في قتل``): nothing befell the people counted.
ATTEMPT_WORDS = keys("محاولة محاولات محاولته محاولتهم حاول حاولوا حاولت حاولا يحاول تحاول يحاولون محاولين شروع")
#: ``فقدوا``: missing alone, not with what they lost after it: their limbs (injured), their
#: lives (killed), their parents or homes (nothing befell them).
LOSS_VERBS = keys("فقد فقدوا فقدت فقدا يفقد فقدان")
LOST_LIMBS = keys("أطرافهم أطرافه أطرافها أطراف أعينهم بصرهم بصره البصر أرجلهم أيديهم ساقيه ساقه")
LOST_LIVES = keys("حياتهم حياته حياتها أرواحهم أرواح الحياة")
#: ``فقد أكثر من 350 صحافيا أعمالهم``: jobs, homes or goods lost, no people.
LOST_LIVELIHOOD = keys("أعمالهم عملهم وظائفهم وظيفته وظائف منازلهم بيوتهم منازل ممتلكاتهم مصادر")
#: ``حصدت أرواح 714 مدنيا``, ``أودى بأرواح العشرات``: lives taken (not ``تنقذ أرواح``, saved).
LIVES = keys("أرواح بأرواح")
LIVES_TAKEN_BY = keys("حصد حصدت يحصد تحصد سيحصد ستحصد أزهق أزهقت أودى أودت يودي تودي موديا مودية")
#: Words after a count's noun that say its people are (or were) held (``13 شخصا كانوا محتجزين``,
#: ``300 مدني تحتجزهم المعارضة``): detained, though a release or an evacuation is told before.
HELD_AFTER = keys("محتجزين محتجزون معتقلين معتقلون تحتجزهم يحتجزهم اعتقلهم اعتقلتهم أسرى سجونه سجونها سجونهم")
#: ``بسبب التعذيب``, ``تحت التعذيب``: a death by torture (the figure counts the dead).
TORTURE_CAUSES = keys("بسبب تحت جراء نتيجة إثر اثر")
TORTURE = keys("التعذيب")
#: ``مقابل 159 مسلحاً``: the count shares the status of the one it is set against.
VERSUS = keys("مقابل")
#: Verbal nouns that open a new casualty event (a perpetrator after them is not an earlier count's).
EVENT_NOUNS = keys("مقتل استشهاد إصابة مصرع وفاة اعتقال اختطاف إعدام اغتيال")
#: Statuses that count as casualties (a trigger of these makes a number a count).
CASUALTY_STATUSES = ("killed", "injured", "detained", "abducted", "missing")

# ------------------------------------------------------------------ qualifiers
QUALIFIERS_BEFORE: dict[tuple[str, ...], str] = {}
for _q, _items in {
    "at_least": ["على الأقل", "ما لا يقل عن", "لا يقل عن", "ما لا يقل على", "أكثر من", "ما يزيد عن",
                 "ما يزيد على", "يزيد عن", "يزيد على", "أزيد من", "ما يربو على", "يربو على",
                 "ما يفوق", "يفوق", "أكثر من", "ما ينيف على", "ما ينيف عن", "ينيف على", "ينيف عن",
                 "ما يتجاوز", "يتجاوز", "تتجاوز", "تجاوز", "تجاوزت", "تخطى", "تخطت", "يتخطى",
                 # written as one word (ما لايقل عن, مالايقل عن)
                 "ما لايقل عن", "مالايقل عن", "لايقل عن", "ما لايقل على", "مالايقل على"],
    "about": ["نحو", "قرابة", "حوالي", "حوالى", "زهاء", "ما يقارب", "يقارب", "ما يقرب من", "يقرب من",
              "ما يناهز", "يناهز", "نحوا", "تقريبا"],
    "at_most": ["أقل من", "ما لا يزيد عن", "ما لا يزيد على", "لا يزيد عن", "لا يزيد على", "ما دون",
                "أقل من", "ما لا يتجاوز", "لا يتجاوز", "لم يتجاوز", "لا تتجاوز", "لم تتجاوز", "لن يتجاوز",
                "لا يتخطى", "لم يتخط", "لا تتخطى",
                "ما لايزيد عن", "مالايزيد عن", "لايزيد عن", "ما لايزيد على", "مالايزيد على", "لايتجاوز"],
}.items():
    for _p in phrases(_items):
        QUALIFIERS_BEFORE[_p] = _q
QUALIFIER_PHRASES_BEFORE = tuple(sorted(QUALIFIERS_BEFORE, key=lambda p: -len(p)))
QUALIFIERS_AFTER: dict[tuple[str, ...], str] = {
    p: "at_least" for p in phrases(["على الأقل", "ونيف", "ونيّف", "على الاقل", "أو أكثر"])}
QUALIFIERS_AFTER.update({p: "about" for p in phrases(["تقريبا", "تقريباً"])})
QUALIFIER_PHRASES_AFTER = tuple(sorted(QUALIFIERS_AFTER, key=lambda p: -len(p)))
#: Every word of a qualifier phrase (stepped over when looking for a cue before a count).
QUALIFIER_WORDS = frozenset(w for p in (*QUALIFIERS_BEFORE, *QUALIFIERS_AFTER) for w in p)

# ------------------------------------------------------------------ part_of markers
#: Before a count: the count is a subset of an earlier one.
SUBSET_BEFORE = phrases(["بينهم", "بينهن", "بينهما", "منهم", "منهن", "من بينهم", "من بينهن",
                         "من ضمنهم", "ضمنهم", "من ضمنهن", "ضمنهن", "من بينها", "بينها", "من ضمنها",
                         "منهم"])
#: Words that announce a distribution list (``وتوزعت الحصيلة على النحو التالي:``):
#: the list may run on over several sentences and paragraphs.
DISTRIBUTION_INTRO = ["كالتالي", "كالآتي", "كالاتي", "التالي", "الآتي", "الاتي", "كما يلي", "يلي", "التالية",
                      "الآتية"]
DISTRIBUTION_INTRO_KEYS = phrases(DISTRIBUTION_INTRO)
#: Words stepped over between a subset/breakdown marker and its count (``ومن ضمنهم أيضاً عشرة``).
CUE_FILLERS = keys("أيضا أيضاً كذلك كذلك ايضا")
#: Before a count: it is added to the previous one, like و (``إضافة إلى ثلاثة إعلاميين``).
COORD_BEFORE = phrases(["إضافة إلى", "إضافة الى", "بالإضافة إلى", "بالإضافة الى", "فضلا عن", "فضلاً عن",
                        "علاوة على", "إلى جانب", "كما", "وكذلك"])
#: ``إضافة`` before a count glued to ``ل`` (``إضافة لثلاثة عاملين``): added to the previous one.
IN_ADDITION = keys("إضافة بالإضافة")
#: Words opening a parallel clause (``فيما قضى 44 مدنياً``, ``في حين استشهد 17``): the count
#: is a sibling of the previous count's list, not a new top-level toll.
CLAUSE_JOINERS = keys("فيما بينما حين")
#: Verbs of saying: ``أحد`` right after one is the speaker (``وأكد أحد الأطباء``); after
#: ``فيما`` one tells more of the same events (``فيما أضافت فرق الطوارئ أن ثلاثة …``).
SAY_VERBS = keys("""
    قال قالت أكد أكدت ذكر ذكرت أوضح أوضحت أفاد أفادت أضاف أضافت صرح صرحت روى روت أشار أشارت أعلن أعلنت
    يقول تقول يروي تروي يؤكد تؤكد أبلغ أبلغت أخبر أخبرت شرح شرحت لفت لفتت
    """)
#: After a total, in its sentence: the details of that toll follow (``…، إذ قضى طفلان``).
WHERE_WORDS = keys("حيث إذ")
#: List bullets at the start of a line (``- 20 مدنياً``).
BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})
#: Before a count: the count starts the breakdown of an earlier total (``وهم: 1206``).
BREAKDOWN_BEFORE = phrases(["هم", "هن", "وهم", "وهن", "هؤلاء", "وهؤلاء", "توزعوا على", "موزعين على",
                            "وتوزعوا على", "يتوزعون على", "يتوزعون إلى", "يتوزعون الى", "توزعت إلى",
                            "توزعت الى", "توزعوا إلى", "موزعين بين", "يتوزعون بين", *DISTRIBUTION_INTRO])
#: The pronouns that open a breakdown list (``هم رجل وزوجته و…``).
BREAKDOWN_HEADS = keys("هم هن وهم وهن")
#: Prepositions inside those phrases: alone they announce no list (``بين 8 و13 عاماً``).
LIST_PREPOSITIONS = keys("إلى الى بين")
#: After a count: the count is a subset of an earlier one (``اثنان منهم``).
SUBSET_AFTER = phrases(["منهم", "منهن", "من بينهم", "من بينهن", "منهما", "منها", "من بينها"])
#: ``3 منهم أطفال``: right after a count, before the noun that says who they are.
OF_THEM = keys("منهم منهن منهما")
#: The pronoun of things among those: only a count without its own noun is part of a total by it.
OF_THINGS = keys("منها بينها")
#: ``من بين`` / ``من ضمن`` + a noun phrase naming an earlier group.
SUBSET_OF_GROUP = phrases(["من بين", "من ضمن", "ضمن", "بين"])
#: ``في صفوف المدنيين``, ``بين المدنيين``: the words before the kind a toll counts among.
IN_RANKS_OF = phrases(["في صفوف", "من صفوف", "بصفوف", "بين", "من بين"])
#: Words between ``من ضمن`` and the group noun (``من ضمن حصيلة المدنيين``).
GROUP_FILLERS = keys("حصيلة عدد إجمالي مجموع حصيلة")
#: After a count and its noun: the count is a subset of the next count (``سبعة من بين 14``).
OF_FOLLOWING = phrases(["من بين", "من أصل", "من إجمالي", "من مجموع", "من بين ال"])
#: After a clause: the count before is part of the next one (``…، من أصل 46 مدنيا``).
OF_TOTAL = phrases(["من أصل", "من إجمالي", "من مجموع"])
#: Words introducing what a bare total counts (``إلى 93 تعداد القتلى المدنيين``).
TOTAL_WORDS = keys("عدد تعداد حصيلة إجمالي مجموع")
#: A count followed by these words takes the category of the count it continues.
OTHERS_WORDS = keys("آخرين آخرون آخر أخرى أخريات آخرات آخران آخرَين")
#: Words meaning "the rest" / "all of them" that do not start a new group.
COORD_AND = "و"

# ------------------------------------------------------------------ numbers that are not counts
MONTHS = keys("""
    يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر
    نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب أيلول ايلول تشرين
    """)
DAYS = keys("السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة يوم")
YEAR_BEFORE = keys("""
    عام العام عامي سنة السنة سنتي منذ مطلع أواخر أوائل بداية نهاية خلال أواسط منتصف صيف شتاء ربيع
    خريف حتى موسم ميزانية
    """)
AGE_BEFORE = keys("عمر العمر عمره عمرها عمرهم بعمر يبلغ تبلغ البالغ البالغة البالغين سن بسن ابن ابنة عمرهما")
DURATION_UNITS = keys("""
    ساعة ساعات الساعات ساعتين يوم يوما يوماً أيام الأيام يومين أسبوع أسبوعا أسابيع أسبوعين شهر شهرا شهراً
    أشهر شهور الأشهر شهرين سنة سنوات سنين عام عاما عاماً أعوام الأعوام عامين دقيقة دقائق دقيقتين ثانية
    ثوان ثواني ليلة ليال ليالي عقد عقود قرن أسبوعاً
    """)
AGE_UNITS = keys("عاما عاماً عام سنة سنوات أعوام ربيعا شهرا أشهر")
THING_NOUNS = keys("""
    غارة غارات قذيفة قذائف برميل براميل صاروخ صواريخ صاروخا ضربة ضربات منزل منازل منزلا بيت بيوت
    فنجان فناجين فنجانا
    كم كيلومتر كيلومترا كيلومترات كلم كيلو متر مترا أمتار ميل طن طنا أطنان حافلة حافلات شاحنة شاحنات
    سيارة سيارات مركبة مركبات بلدة بلدات قرية قرى مدينة مدن موقع مواقع موقعا منطقة مناطق نقطة نقاط
    حاجز حواجز دبابة دبابات آلية آليات مدرعة مدرعات طائرة طائرات مروحية مروحيات عملية عمليات هجوم هجمات
    هجوما انفجار انفجارات تفجير تفجيرات مستشفى مستشفيات مدرسة مدارس مرة مرات مرّة عائلة عائلات أسرة
    أسر سلة سلال دولة دول بلد بلدان لغم ألغام عبوة عبوات مستودع مستودعات مبنى مباني مقر مقرات مركز مراكز
    جبهة جبهات محور محاور مخيم مخيمات حي أحياء كتيبة كتائب لواء ألوية مجموعة مجموعات
    دونم هكتار لتر كيس أكياس جولة جولات اجتماع اجتماعات قرار قرارات بند بنود نقطة قافلة قوافل
    شحنة شحنات رحلة رحلات معبر معابر مطار مطارات جسر جسور حافلة خيمة خيام وحدة وحدات دفعة دفعات
    مركب مراكب زورق زوارق قارب قوارب سفينة سفن
    قطع قطعة قطعتين سلاح أسلحة بندقية بنادق مسدس مسدسات
    بقرة أبقار ماشية مواشي خروف خراف أغنام حيوان حيوانات دجاجة دواجن طائر طيور جمل إبل حصان خيول رأسا
    ثور ثيران ثورا فيل فيلة أفيال قطة قطط سمكة أسماك دلفين دلافين حمار حمير ماعز ذئب ذئاب
    خنزير خنازير سلحفاة سلاحف
    حوت حوتا حيتان كلب كلاب بؤرة بؤر البؤر مرتبة مراتب لقب لقبا ألقاب
    مكان أماكن سوق أسواق محاولة محاولات مشاف مشافي مشفى مرفق مرافق مرفقا منشأة منشآت مادة مواد مليار ليرة دولار دولارا دولارات يورو جنيه ريال درهم دينار صفحة صفحات كلمة ملف ملفات
    بالمئة بالمائة المئة المائة
    حرب حروب حربا معركة معارك مجزرة مجازر حادث حوادث حادثة انتهاك انتهاكات خلية خلايا تقرير تقارير تقريرا
    قضية قضايا هدف أهداف هدفا منظمة منظمات قنبلة قنابل تغريدة تغريدات رسالة رسائل وثيقة وثائق ورقة أوراق
    إطار إطارات غرفة غرف مقترح مقترحات مقترحا آثار دائرة دوائر
    مباراة مباريات مباراتين انتصار انتصارات تعادل تعادلات هزيمة هزائم بطولة بطولات
    """)
MONEY_UNITS = keys("دولار دولارا دولارات ليرة ليرات يورو جنيه ريال ريالات درهم دينار")
PERCENT_WORDS = keys("بالمئة بالمائة المئة المائة % ٪")
PERCENT_PHRASES = phrases(["في المئة", "في المائة", "بالمئة", "بالمائة"])
ORDINAL_BEFORE = keys("""
    رقم الرقم المرتبة مرتبة اللواء الفرقة الفوج الكتيبة القرار المادة البند الفقرة الدورة الجولة الحلقة المرحلة
    الطريق الأوتوستراد الطريق الدولي إم أف إف ميغ سو توبوليف القطاع المربع النقطة الحاجز الكيلو المحطة
    الدقيقة الشوط النسخة الذكرى الطبعة فرانس عيار الطابق جنيف أستانا أستانة سوتشي أنطونوف سوخوي إليوشن
    بوينغ بوينج إيرباص الرحلة الفصل قائمة
    """)
#: Countries spelled as the accusative of their nationality (إيطاليا / إيطاليًا): with a clitic
#: (``لإيطاليا``) a place, not the noun of a count.
COUNTRIES_IN_YA = keys("""
    سوريا ليبيا إيطاليا ايطاليا ألمانيا المانيا بريطانيا أستراليا استراليا إسبانيا اسبانيا كوريا إثيوبيا
    اثيوبيا نيجيريا موريتانيا إريتريا اريتريا تركيا روسيا إندونيسيا اندونيسيا ماليزيا كينيا تنزانيا
    صربيا كرواتيا بلغاريا رومانيا ألبانيا البانيا جورجيا أرمينيا ارمينيا منغوليا كمبوديا كولومبيا بوليفيا
    سلوفاكيا سلوفينيا ليتوانيا لاتفيا أوكرانيا اوكرانيا إستونيا استونيا
    """)
#: ``فوق سن 50``, ``دون سن 18``, ``البالغ من العمر 52``: a figure right after the word for age is an age.
AGE_NOUNS_BEFORE = keys("سن بسن لسن العمر")

# ------------------------------------------------------------------ perpetrator / place markers
#: A word right before an ACTOR that makes it the perpetrator.
PERPETRATOR_BEFORE = keys("""
    جراء بقصف قصف قصفت قصفتها قصفه برصاص رصاص يد أيدي نفذته نفذتها نفذها نفذوه نفذت نفذه شنته شنتها شنها
    شنه شنت قبل قتلتهم قتلهم قتلته قتلتها قتلت قتل أطلقتها أطلقها أطلقته أطلقت أطلقوها استهداف استهدافات
    باستهداف استهدفتها استهدفت استهدفه غارات غارة بغارات بغارة ضربات ضربة هجوم هجمات بهجوم تفجير قذائف
    بقذائف صواريخ بصواريخ نيران بنيران اعتقلتهم اعتقلت خطفتهم اختطفتهم أعدمتهم أعدمت اعدمت طائرات
    برصاص قناصة قنص مدفعية
    """)
#: Words before ``مع`` that make the ACTOR after it the other side of a fight.
FIGHT_WORDS = keys("اشتباكات اشتباك معارك مواجهات المعارك الاشتباكات")
#: Words before a group that make it the counted people's side (``من قوات النظام``).
#: Words of joining or fighting with a group after the counted noun: its members, whatever the
#: noun (``70 مواطنا انضموا إلى داعش``).
JOINING_BEFORE = phrases(["انضموا إلى", "انضموا الى", "التحقوا", "يقاتلون في صفوف", "يقاتلون مع",
                          "يقاتلون إلى جانب", "يقاتلون تحت لواء", "يقاتلون تحت راية"])
AFFILIATION_BEFORE = phrases(["من", "في صفوف", "من صفوف", "من عناصر", "من أفراد", "من مقاتلي",
                              "في", "لدى", "ينتمون إلى", "ينتمون ل", "تابعين ل", "من أبناء", "بين", "بصفوف",
                              "ينتمون الى", "المنتمين إلى", "المنتمين الى", *(" ".join(p) for p in JOINING_BEFORE)])
#: Fillers between ``من`` and the group (``من أفراد قوات النظام``).
AFFILIATION_FILLERS = keys("أفراد عناصر مقاتلي صفوف منتسبي منسوبي مجندي مرتبات أبناء كوادر طواقم أعضاء")
#: Member nouns before a group after من (``من مسلحي داعش``): with the group, the partitive.
MEMBER_NOUNS = keys("أفراد عناصر مقاتلي مسلحي منتسبي منسوبي مجندي مرتبات قادة قياديي كوادر طواقم")
#: Prepositions before a PLACE that make it the location.
PLACE_BEFORE = keys("في ب على قرب بريف ريف ضمن داخل عند نحو باتجاه محيط أطراف شمال جنوب شرق غرب")


def _nisba_forms(stems: tuple[str, ...]) -> frozenset[str]:
    """Every number and case of each nationality adjective (``تركي``, ``تركيا``, ``تركيين`` …), folded."""
    return frozenset(key(stem + ending) for stem in stems for ending in ("", "ا", "ين", "ون", "ان"))


#: Nationality adjectives that make a fighting noun foreign forces (``جنود روس``): the states of
#: :data:`NATION_STEMS` in every number and case (``جنديا فرنسيا``, ``عسكريين أتراك``).
_NATIONALITIES = ("روسي", "تركي", "إيراني", "أمريكي", "أميركي", "فرنسي", "بريطاني", "إسرائيلي", "لبناني",
                  "عراقي", "أفغاني", "باكستاني")
FOREIGN_ADJ = keys("روس أتراك أفغان") | _nisba_forms(_NATIONALITIES)
#: Nationalities of states whose soldiers fight at home, not in Syria's war (``عسكريين ماليين``,
#: ``جنديين مصريين``): the guide's other state's soldiers outside Syria.
_HOME_NATIONALITIES = ("مصري", "جزائري", "تونسي", "ليبي", "مغربي", "موريتاني", "مالي", "نيجيري", "نيجري",
                       "تشادي", "كاميروني", "صومالي", "كيني", "سوداني", "يمني", "سعودي", "إماراتي", "بحريني",
                       "كويتي", "قطري", "عماني", "أردني", "هندي", "فلبيني")
HOME_ARMY_ADJ = _nisba_forms(_HOME_NATIONALITIES)
#: Every nationality adjective above, foreign or at home (``جندي عراقي``, ``المصريان``).
NATIONALITY_ADJ = FOREIGN_ADJ | HOME_ARMY_ADJ
#: The state a word names or qualifies, by its folded stem after ``و``/``ال``/``ل`` (``تركيا``,
#: ``التركي``, ``أتراك``, ``روس``): the nation of the people a count counts.
NATION_STEMS: tuple[tuple[str, str], ...] = (
    ("روس", "russia"), ("ترك", "turkey"), ("اتراك", "turkey"), ("ايران", "iran"), ("امريك", "usa"),
    ("اميرك", "usa"), ("فرنس", "france"), ("بريطان", "uk"), ("اسرائيل", "israel"), ("لبنان", "lebanon"),
    ("عراق", "iraq"), ("افغان", "afghanistan"), ("باكستان", "pakistan"))
#: Stems that start like a nation's and name something else (the Turkistan Islamic Party).
NOT_NATION_STEMS = ("تركستان",)
#: The states whose fighters are counted in the Syrian government's toll (its allies): a
#: count of another state's soldiers is never part of a ``regime`` total.
GOVERNMENT_ALLIES = frozenset({"russia", "iran", "lebanon", "iraq", "afghanistan", "pakistan"})
#: States other than Syria (and their capitals) that announce their own soldiers' losses
#: (``أعلنت أنقرة مقتل 8 من جنودها``).
FOREIGN_STATES = keys("""
    أنقرة تركيا موسكو روسيا واشنطن أمريكا أميركا الولايات طهران إيران إسرائيل باريس فرنسا لندن بريطانيا
    الإمارات الامارات السعودية الأردن العراق بغداد لبنان مصر
    """)
#: ``70 حالة اختناق``, ``687 حالة اعتقال``: cases of a casualty, each one person.
CASE_WORDS = keys("حالة حالات")
#: Words after a case word that make it casualties (the status triggers, and these).
CASE_KINDS = keys("اختناق تسمم بتر")  # حالة بتر: an amputation, a wound (no trigger alone: بترا is a news agency)
#: ``لترتفع حصيلة الحملة إلى 340``: a toll rising to a new figure.
RISE_WORDS = keys("ارتفع ارتفعت يرتفع ترتفع ليرتفع لترتفع ارتفاع رفع رفعت يرفع ترفع ليرفع لترفع")
#: ``ارتفعت حصيلة القتلى إلى 209``, ``عدد المصابين يتجاوز 50``: a figure reached by a toll.
REACH_WORDS = keys("إلى الى بلغ بلغت بلغوا يتجاوز تجاوز تجاوزت يفوق فاق وصل وصلت يبلغ تبلغ يصل تصل")
#: ``مقاتلين مدعومين من تركيا``: the backer named after these is not the counted people's side.
BACKED_BY = keys("مدعوم مدعومين مدعومون مدعومة المدعوم المدعومين المدعومة بدعم")
#: ``250 شخصا من السكان``: where people live; it does not make a people noun civilian.
RESIDENTS = keys("سكان السكان أهالي الأهالي")
#: ``جميعهم مدنيون``: after a list of counts, what all of them are.
ALL_OF_THEM = keys("جميعهم كلهم جميعهن كلهن وجميعهم وكلهم")
#: Head nouns a report uses alone for a group it named in full before (``الفرقة`` for
#: ``الفرقة 30``, ``الجبهة`` for ``جبهة النصرة``, ``وحدات الحماية`` for ``وحدات حماية الشعب``).
#: A militia's head in its spellings: one head to :meth:`GroupReader.named_before`.
MILITIA_HEADS = keys("ميليشيا ميليشيات مليشيا مليشيات ميلشيا ميلشيات ميليشات")
GROUP_HEADS = keys("فرقة جبهة لواء وحدات حركة فصيل كتيبة تنظيم هيئة") | MILITIA_HEADS
#: A bare ``التنظيم`` names the organisation named last before it, of these kinds, found where
#: one of these words starts its name (``داعش``, ``الدولة الإسلامية``, ``جبهة النصرة``, ``تنظيم
#: القاعدة``, ``هيئة تحرير الشام``, ``حراس الدين``).
ORGANISATION_HEADS = keys("تنظيم")
ORGANISATION_KINDS = frozenset({"isis", "jihadist"})
ORGANISATION_FIRST_WORDS = keys("داعش الدولة النصرة تنظيم جبهة هيئة تحرير حراس")
#: Heads whose genitive names a body, not its men (``مجلس الأمن``, ``وزير الأمن``).
INSTITUTION_HEADS = keys("مجلس وزير وزارة مدير مديرية لجنة")
#: Places outside Syria (countries, and the provinces and towns of its neighbours that
#: reports name): state soldiers and police counted where every place named is one of
#: these are ``other`` (the guide: outside Syria, another state's soldiers and police).
FOREIGN_PLACES = keys("""
    تركيا العراق لبنان الأردن الاردن إسرائيل اسرائيل إيران ايران روسيا مصر تونس ليبيا اليمن فرنسا ألمانيا
    بلجيكا النمسا بريطانيا أمريكا أميركا كيليس كلس شانلي أورفا أورفة غازي عنتاب غازيانتيب هاتاي أنطاكيا
    شرناق هكاري ديار بكر ماردين سوروتش سروج أضنة أنقرة إسطنبول اسطنبول إزمير بغداد الموصل الأنبار الرمادي
    الفلوجة تكريت كركوك أربيل البصرة بيروت طرابلس صيدا عرسال الهرمل البقاع عمان الرمثا المفرق
    طهران لندن موسكو نيويورك الولايات مسقط آباد مومباي لاغوس كيبيك تورونتو سيدني ملبورن ميونيخ أبيب
    """)
#: Words after a unit name that tie it to a known group (``فرق الهندسة التابعة لـقسد``).
TIED_TO = keys("التابع التابعة التابعين المبايع المبايعة المبايعين المرتبط المرتبطة المنضوي المنضوية")
#: Words after a fighting noun that make it regime-loyal (``مقاتلا مواليا للنظام``).
LOYAL_WORDS = keys("مواليا موالين موالون الموالين الموالية موالية مواليين موال نظامي نظاميا نظاميين نظاميون")
REGIME_WORDS = keys("للنظام النظام لقوات لها له لدمشق")
#: Whom a loyal word's ``ل`` names (``مواليا لتركيا``): the side of those loyal to them, kept
#: in Syria's war (``الموالين لإيران``: the government's militias; ``لأنقرة``: Syrian factions).
#: Loyal to anything else (``الموالين للقضية الكردية``) gives no side.
LOYAL_TO = {**dict.fromkeys(keys("""لها له لهم لهما لهن للنظام لنظام للحكومة لحكومة للأسد لدمشق لإيران
                                    لطهران لروسيا لموسكو لحزب لقوات للجيش"""), "regime"),
            **dict.fromkeys(keys("لتركيا لأنقرة"), "fighter")}
#: ``الموالين لها``: a loyal word then one of these names the allies of the group just named.
ALLY_PRONOUNS = keys("لها له لهم لهما لهن")
