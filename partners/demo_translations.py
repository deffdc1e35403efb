"""The demo's translations of the partner directory, made through wagtail-localize.

Synthetic and short. Partners are keyed by slug, vocabulary entries by (model, slug); the
English vocabulary names come from the seed migrations, so only Arabic ones are listed here.
"""

PARTNER_TEXTS = {
    "en": {
        "stadt-wuppertal-zuwanderung-integration": (
            "Central case management",
            "The department brings together the municipal integration centre, refugee aid and "
            "the foreigners' office. It invites participants, assesses their background, writes "
            "the support plan with them and transfers them to the network partners.",
        ),
        "diakonie-wuppertal-migrationsdienste": (
            "Job coaching",
            "Job coaches accompany participants for six months: an application folder, searching "
            "for jobs online, preparing for interviews.",
        ),
        "gesa-ggmbh": (
            "Qualification, internships and low-threshold training for people with special "
            "personal obstacles",
            "The non-profit vocational training company offers qualifications, finds internships "
            "and trains a daily rhythm and everyday working life.",
        ),
        "skf-wuppertal": (
            "Activation and motivation, offers for women and young people",
            "Group and one-to-one offers build self-confidence and a daily rhythm, with offers of "
            "their own for women and for young people without access to vocational training.",
        ),
        "jobbruecke-solingen": (
            "Job coaching in Solingen",
            "Job coaching and language course advice for refugees in Solingen.",
        ),
        "lernwerk-remscheid": (
            "Qualification and internships in Remscheid and Solingen",
            "Metal-working and warehouse qualifications with internships nearby.",
        ),
        "handwerkspartner-remscheid": (
            "Apprenticeships and jobs in tool-making",
            "A tool-making firm offering internships and apprenticeships.",
        ),
    },
    "ar": {
        "stadt-wuppertal-zuwanderung-integration": (
            "إدارة الحالات المركزية",
            "تجمع الإدارة مركز الاندماج البلدي ومساعدة اللاجئين ومكتب شؤون الأجانب. تدعو "
            "المشاركين وتتعرف على خلفياتهم وتكتب معهم خطة الدعم.",
        ),
        "diakonie-wuppertal-migrationsdienste": (
            "التدريب على العمل",
            "يرافق مدربو العمل المشاركين لمدة ستة أشهر: ملف التقديم والبحث عن عمل عبر الإنترنت "
            "والتحضير للمقابلات.",
        ),
        "gesa-ggmbh": (
            "التأهيل والتدريب العملي والتدريب الميسر",
            "تقدم شركة التدريب المهني غير الربحية مؤهلات وتجد أماكن للتدريب العملي.",
        ),
        "skf-wuppertal": (
            "التنشيط والتحفيز وعروض للنساء والشباب",
            "عروض جماعية وفردية تبني الثقة بالنفس وإيقاعًا يوميًا، مع عروض خاصة للنساء والشباب.",
        ),
        "jobbruecke-solingen": (
            "التدريب على العمل في زولينغن",
            "تدريب على العمل واستشارات حول دورات اللغة للاجئين في زولينغن.",
        ),
        "lernwerk-remscheid": (
            "التأهيل والتدريب العملي في رمشايد وزولينغن",
            "مؤهلات في تشغيل المعادن والمستودعات مع تدريب عملي قريب.",
        ),
        "handwerkspartner-remscheid": (
            "أماكن تدريب مهني ووظائف في صناعة الأدوات",
            "شركة لصناعة الأدوات تقدم تدريبًا عمليًا وأماكن للتدريب المهني.",
        ),
    },
}

VOCABULARY_TEXTS = {
    "ar": {
        "Service": {
            "case-management": "إدارة الحالات",
            "job-coaching": "التدريب على العمل",
            "qualification": "التأهيل",
            "internship-placement": "التوسط في التدريب العملي",
            "low-threshold-training": "تدريبات ميسرة",
            "activation-motivation": "التنشيط والتحفيز",
            "language-course-advice": "استشارات دورات اللغة",
            "offers-for-women": "عروض للنساء",
            "offers-for-young-people": "عروض للشباب",
            "health-employability": "الصحة والقدرة على العمل",
            "placement-into-work": "التوسط في العمل",
        },
        "City": {"wuppertal": "فوبرتال", "solingen": "زولينغن", "remscheid": "رمشايد"},
        "TargetGroup": {
            "asylum-seekers": "طالبو اللجوء",
            "tolerated-stay": "أشخاص لديهم إقامة تسامح (دولدونغ)",
            "humanitarian-residence": "أشخاص لديهم إقامة إنسانية",
            "women": "النساء",
            "young-people": "الشباب دون 25 عامًا",
            "older-people": "كبار السن",
        },
        "Language": {
            "german": "الألمانية",
            "english": "الإنجليزية",
            "arabic": "العربية",
            "french": "الفرنسية",
            "persian": "الفارسية",
            "kurdish": "الكردية",
            "russian": "الروسية",
            "serbo-croatian": "الصربية الكرواتية",
            "tigrinya": "التغرينية",
            "turkish": "التركية",
        },
    },
}

DIRECTORY_TEXTS = {
    "en": {
        "Partnerverzeichnis": "Partner directory",
        "Wer im Netzwerk was anbietet, für wen, wo und in welchen Sprachen: Filtern Sie nach "
        "Angebot, Stadt, Sprache und Zielgruppe.": (
            "Who in the network offers what, for whom, where and in which languages: filter by "
            "service, city, language and target group."
        ),
    },
    "ar": {
        "Partnerverzeichnis": "دليل الشركاء",
        "Wer im Netzwerk was anbietet, für wen, wo und in welchen Sprachen: Filtern Sie nach "
        "Angebot, Stadt, Sprache und Zielgruppe.": (
            "من يقدم ماذا في الشبكة، ولمن، وأين، وبأي لغات: صفِّ حسب الخدمة والمدينة واللغة "
            "والفئة المستهدفة."
        ),
    },
}
