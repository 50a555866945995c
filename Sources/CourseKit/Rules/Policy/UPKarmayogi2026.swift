extension PolicyPack {
    /// Uttar Pradesh's Mission Karmayogi directives of January 2026 as rules.
    public static let upKarmayogi2026 = PolicyPack(
        name: "up-karmayogi-2026",
        summary: LocalizedText(
            en: "Uttar Pradesh Mission Karmayogi directives (January 2026)",
            hi: "उत्तर प्रदेश मिशन कर्मयोगी निर्देश (जनवरी 2026)"),
        rules: [
            AIModuleRequired.self,
            CyberSecurityModuleRequired.self,
            SevenDayProgramme.self,
            HindiEditionRequired.self,
            TranslationComplete.self,
            LanguageCodeKnown.self,
            ScriptMatchesLanguage.self,
            AssessmentRequired.self,
            QuestionBankSize.self,
            QuizAnswerKey.self,
            FieldTrainingPractical.self,
            FieldLessonLength.self,
            FieldMediaSize.self,
            IGOTMetadataComplete.self,
            CompetencyKnown.self,
            CaseStudyComplete.self,
            LessonAccessibility.self,
            DurationMatchesEffort.self,
            DurationAddsUp.self,
            SessionFitsContent.self,
            ProgrammeEvaluation.self,
            FinalAssessmentRequired.self,
            PassMarkPolicy.self,
            CaseStudyUsed.self,
            GlossaryTerm.self,
            ExampleDomainReserved.self,
        ],
        locks: upKarmayogi2026Locks)

    /// What a department may tighten but not loosen (see docs/configuration.md, "Locked rules and parameters").
    static let upKarmayogi2026Locks: [PolicyLock] = {
        let aiCyber = LocalizedText(
            en: "AI and cyber security in every department's training curriculum",
            hi: "हर विभाग के प्रशिक्षण पाठ्यक्रम में एआई और साइबर सुरक्षा")
        let sevenDay = LocalizedText(
            en: "a 7-day capacity-building programme for all officers and employees, linked to promotion and the ACR",
            hi: "सभी अधिकारियों और कर्मचारियों के लिए 7-दिवसीय क्षमता संवर्धन कार्यक्रम, पदोन्नति और एसीआर से जुड़ा")
        let hindi = LocalizedText(
            en: "training in Hindi and the regional languages",
            hi: "हिंदी और क्षेत्रीय भाषाओं में प्रशिक्षण")
        let evaluation = LocalizedText(
            en: "training that is regularly evaluated",
            hi: "प्रशिक्षण का नियमित मूल्यांकन")
        return [
            .rule("ai-module-required", directive: aiCyber),
            .parameter("ai-module-required", "minimumDuration", .durationAtLeast(3_600), directive: aiCyber),
            .parameter("ai-module-required", "tag", .equals("ai"), directive: aiCyber),
            .rule("cyber-security-module-required", directive: aiCyber),
            .parameter("cyber-security-module-required", "tag", .equals("cyber-security"), directive: aiCyber),
            .parameter("cyber-security-module-required", "minimumDuration", .durationAtLeast(3_600), directive: aiCyber),
            .rule("hindi-edition-required", directive: hindi),
            .parameter("hindi-edition-required", "requiredLanguages", .includes(["hi"]), directive: hindi),
            .rule("seven-day-programme", directive: sevenDay),
            .parameter("seven-day-programme", "minimumDays", .atLeast(7), directive: sevenDay),
            .parameter("seven-day-programme", "minimumHoursPerDay", .atLeast(6), directive: sevenDay),
            .parameter("seven-day-programme", "requiredTags", .includes(["ai", "cyber-security"]), directive: sevenDay),
            .parameter("seven-day-programme", "countsToward", .includes(["promotion", "acr"]), directive: sevenDay),
            .rule("programme-evaluation", directive: evaluation),
            .parameter("programme-evaluation", "maximumDaysBetween", .atMost(1), directive: evaluation),
        ]
    }()
}
