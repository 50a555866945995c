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
        ])
}
