/* The table of labels in en, nb and sv, and its lookup. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "l10n.h"

/*
 * One entry: the key and its label in each locale, in the order of enum
 * l10n_locale. The macro takes exactly four arguments, so an entry that
 * lacks a locale does not compile.
 */
#define S(key, en, nb, sv)                                                     \
	{                                                                      \
		key,                                                           \
		{                                                              \
			en, nb, sv                                             \
		}                                                              \
	}

const struct l10n_entry l10n_table[] = {
    /* Enum values of the record fields, "enum.<type>.<value>". */
    S("enum.priority.high", "High", "Høy", "Hög"),
    S("enum.priority.normal", "Normal", "Normal", "Normal"),
    S("enum.priority.low", "Low", "Lav", "Låg"),

    S("enum.task-status.not-started", "Not started", "Ikke påbegynt",
        "Ej påbörjad"),
    S("enum.task-status.ongoing", "Ongoing", "Pågår", "Pågående"),
    S("enum.task-status.done", "Done", "Fullført", "Klar"),
    S("enum.task-status.cancelled", "Cancelled", "Avbrutt", "Avbruten"),

    S("enum.quarter.Q1", "Quarter 1", "Kvartal 1", "Kvartal 1"),
    S("enum.quarter.Q2", "Quarter 2", "Kvartal 2", "Kvartal 2"),
    S("enum.quarter.Q3", "Quarter 3", "Kvartal 3", "Kvartal 3"),
    S("enum.quarter.Q4", "Quarter 4", "Kvartal 4", "Kvartal 4"),

    S("enum.incident-risk.none", "No risk", "Ingen risiko", "Ingen risk"),
    S("enum.incident-risk.risk", "Risk", "Risiko", "Risk"),
    S("enum.incident-risk.high", "High risk", "Høy risiko", "Hög risk"),

    S("enum.incident-status.open", "Open", "Åpen", "Öppen"),
    S("enum.incident-status.closed", "Closed", "Avsluttet", "Avslutad"),

    S("enum.breach-type.confidentiality", "Confidentiality", "Konfidensialitet",
        "Konfidentialitet"),
    S("enum.breach-type.integrity", "Integrity", "Integritet", "Riktighet"),
    S("enum.breach-type.availability", "Availability", "Tilgjengelighet",
        "Tillgänglighet"),

    S("enum.exemption.encrypted", "Data unintelligible (Art. 34(3)(a))",
        "Uleselige opplysninger (art. 34 nr. 3 a)",
        "Oläsliga uppgifter (art. 34.3 a)"),
    S("enum.exemption.mitigated", "Risk no longer likely (Art. 34(3)(b))",
        "Risikoen er ikke lenger sannsynlig (art. 34 nr. 3 b)",
        "Risken är inte längre sannolik (art. 34.3 b)"),
    S("enum.exemption.disproportionate",
        "Disproportionate effort (Art. 34(3)(c))",
        "Uforholdsmessig stor innsats (art. 34 nr. 3 c)",
        "Oproportionerligt stor ansträngning (art. 34.3 c)"),

    S("enum.dpa-status.draft", "Draft", "Utkast", "Utkast"),
    S("enum.dpa-status.signed", "Signed", "Signert", "Undertecknat"),
    S("enum.dpa-status.terminated", "Terminated", "Opphørt", "Upphört"),

    S("enum.dpia-status.draft", "Draft", "Utkast", "Utkast"),
    S("enum.dpia-status.completed", "Completed", "Ferdigstilt", "Slutförd"),
    S("enum.dpia-status.approved", "Approved", "Godkjent", "Godkänd"),

    S("enum.dpia-conclusion.acceptable", "Acceptable", "Akseptabel",
        "Godtagbar"),
    S("enum.dpia-conclusion.acceptable-with-measures",
        "Acceptable with measures", "Akseptabel med tiltak",
        "Godtagbar med åtgärder"),
    S("enum.dpia-conclusion.prior-consultation", "Prior consultation (Art. 36)",
        "Forhåndsdrøfting (art. 36)", "Förhandssamråd (art. 36)"),

    S("enum.dpia.not-required", "Not required", "Ikke påkrevd", "Krävs inte"),

    S("enum.ros-status.draft", "Draft", "Utkast", "Utkast"),
    S("enum.ros-status.approved", "Approved", "Godkjent", "Godkänd"),

    S("enum.request-type.access", "Access", "Innsyn", "Registerutdrag"),
    S("enum.request-type.rectification", "Rectification", "Retting",
        "Rättelse"),
    S("enum.request-type.erasure", "Erasure", "Sletting", "Radering"),
    S("enum.request-type.restriction", "Restriction", "Begrensning",
        "Begränsning"),
    S("enum.request-type.portability", "Data portability", "Dataportabilitet",
        "Dataportabilitet"),
    S("enum.request-type.objection", "Objection", "Protest", "Invändning"),

    S("enum.request-outcome.granted", "Granted", "Innvilget", "Beviljad"),
    S("enum.request-outcome.partially-granted", "Partially granted",
        "Delvis innvilget", "Delvis beviljad"),
    S("enum.request-outcome.refused", "Refused", "Avslått", "Avslagen"),
    S("enum.request-outcome.withdrawn", "Withdrawn", "Trukket tilbake",
        "Återkallad"),

    S("enum.register-status.planned", "Planned", "Planlagt", "Planerad"),
    S("enum.register-status.active", "Active", "Aktiv", "Aktiv"),
    S("enum.register-status.retired", "Retired", "Avviklet", "Avvecklad"),

    S("enum.special-category.racial-ethnic-origin", "Racial or ethnic origin",
        "Rasemessig eller etnisk opprinnelse", "Ras eller etniskt ursprung"),
    S("enum.special-category.political-opinions", "Political opinions",
        "Politisk oppfatning", "Politiska åsikter"),
    S("enum.special-category.religious-beliefs",
        "Religious or philosophical beliefs",
        "Religiøs eller filosofisk overbevisning",
        "Religiös eller filosofisk övertygelse"),
    S("enum.special-category.trade-union", "Trade-union membership",
        "Fagforeningsmedlemskap", "Medlemskap i fackförening"),
    S("enum.special-category.genetic", "Genetic data", "Genetiske opplysninger",
        "Genetiska uppgifter"),
    S("enum.special-category.biometric", "Biometric data",
        "Biometriske opplysninger", "Biometriska uppgifter"),
    S("enum.special-category.health", "Health", "Helseopplysninger",
        "Uppgifter om hälsa"),
    S("enum.special-category.sex-life", "Sex life or sexual orientation",
        "Seksuelle forhold eller seksuell orientering",
        "Sexualliv eller sexuell läggning"),
    S("enum.special-category.criminal-offences",
        "Criminal convictions and offences (Art. 10)",
        "Straffedommer og lovovertredelser (art. 10)",
        "Lagöverträdelser (art. 10)"),

    S("enum.legal-basis.consent", "Consent (Art. 6(1)(a))",
        "Samtykke (art. 6 nr. 1 a)", "Samtycke (art. 6.1 a)"),
    S("enum.legal-basis.contract", "Contract (Art. 6(1)(b))",
        "Avtale (art. 6 nr. 1 b)", "Avtal (art. 6.1 b)"),
    S("enum.legal-basis.legal-obligation", "Legal obligation (Art. 6(1)(c))",
        "Rettslig forpliktelse (art. 6 nr. 1 c)",
        "Rättslig förpliktelse (art. 6.1 c)"),
    S("enum.legal-basis.vital-interests", "Vital interests (Art. 6(1)(d))",
        "Vitale interesser (art. 6 nr. 1 d)",
        "Grundläggande intressen (art. 6.1 d)"),
    S("enum.legal-basis.public-task",
        "Public interest or official authority (Art. 6(1)(e))",
        "Allmennhetens interesse eller offentlig myndighet (art. 6 nr. 1 e)",
        "Allmänt intresse eller myndighetsutövning (art. 6.1 e)"),
    S("enum.legal-basis.legitimate-interests",
        "Legitimate interests (Art. 6(1)(f))",
        "Berettiget interesse (art. 6 nr. 1 f)",
        "Berättigat intresse (art. 6.1 f)"),

    S("enum.art9-condition.explicit-consent", "Explicit consent (Art. 9(2)(a))",
        "Uttrykkelig samtykke (art. 9 nr. 2 a)",
        "Uttryckligt samtycke (art. 9.2 a)"),
    S("enum.art9-condition.employment",
        "Employment and social security law (Art. 9(2)(b))",
        "Arbeidsrett og trygderett (art. 9 nr. 2 b)",
        "Arbetsrätt och social trygghet (art. 9.2 b)"),
    S("enum.art9-condition.vital-interests", "Vital interests (Art. 9(2)(c))",
        "Vitale interesser (art. 9 nr. 2 c)",
        "Grundläggande intressen (art. 9.2 c)"),
    S("enum.art9-condition.non-profit-body", "Non-profit body (Art. 9(2)(d))",
        "Ideell organisasjon (art. 9 nr. 2 d)",
        "Ideell organisation (art. 9.2 d)"),
    S("enum.art9-condition.made-public",
        "Made public by the data subject (Art. 9(2)(e))",
        "Offentliggjort av den registrerte (art. 9 nr. 2 e)",
        "Offentliggjorda av den registrerade (art. 9.2 e)"),
    S("enum.art9-condition.legal-claims", "Legal claims (Art. 9(2)(f))",
        "Rettskrav (art. 9 nr. 2 f)", "Rättsliga anspråk (art. 9.2 f)"),
    S("enum.art9-condition.substantial-public-interest",
        "Substantial public interest (Art. 9(2)(g))",
        "Viktige allmenne interesser (art. 9 nr. 2 g)",
        "Viktigt allmänt intresse (art. 9.2 g)"),
    S("enum.art9-condition.health-care", "Health or social care (Art. 9(2)(h))",
        "Helse- og omsorgstjenester (art. 9 nr. 2 h)",
        "Hälso- och sjukvård eller social omsorg (art. 9.2 h)"),
    S("enum.art9-condition.public-health", "Public health (Art. 9(2)(i))",
        "Folkehelse (art. 9 nr. 2 i)", "Folkhälsa (art. 9.2 i)"),
    S("enum.art9-condition.archiving-research",
        "Archiving, research or statistics (Art. 9(2)(j))",
        "Arkiv, forskning eller statistikk (art. 9 nr. 2 j)",
        "Arkiv, forskning eller statistik (art. 9.2 j)"),
    S("enum.art9-condition.official-authority",
        "Under official authority (Art. 10)",
        "Under kontroll av offentlig myndighet (art. 10)",
        "Under kontroll av myndighet (art. 10)"),

    S("enum.safeguard.adequacy", "Adequacy decision (Art. 45)",
        "Beslutning om tilstrekkelig beskyttelsesnivå (art. 45)",
        "Beslut om adekvat skyddsnivå (art. 45)"),
    S("enum.safeguard.scc", "Standard contractual clauses (Art. 46)",
        "Standard personvernbestemmelser (art. 46)",
        "Standardavtalsklausuler (art. 46)"),
    S("enum.safeguard.bcr", "Binding corporate rules (Art. 47)",
        "Bindende virksomhetsregler (art. 47)",
        "Bindande företagsbestämmelser (art. 47)"),
    S("enum.safeguard.derogation", "Derogation (Art. 49)", "Unntak (art. 49)",
        "Undantag (art. 49)"),
    S("enum.safeguard.other", "Other safeguard", "Andre garantier",
        "Andra skyddsåtgärder"),

    S("enum.level.low", "Low", "Lav", "Låg"),
    S("enum.level.medium", "Medium", "Middels", "Medel"),
    S("enum.level.high", "High", "Høy", "Hög"),

    S("enum.cia.confidentiality", "Confidentiality", "Konfidensialitet",
        "Konfidentialitet"),
    S("enum.cia.integrity", "Integrity", "Integritet", "Riktighet"),
    S("enum.cia.availability", "Availability", "Tilgjengelighet",
        "Tillgänglighet"),

    S("enum.criterion.evaluation_scoring", "Evaluation or scoring",
        "Evaluering eller poengsetting", "Utvärdering eller poängsättning"),
    S("enum.criterion.automated_decision",
        "Automated decisions with legal or similar effect",
        "Automatiserte avgjørelser med rettsvirkning eller lignende",
        "Automatiserade beslut med rättslig eller liknande verkan"),
    S("enum.criterion.systematic_monitoring", "Systematic monitoring",
        "Systematisk monitorering", "Systematisk övervakning"),
    S("enum.criterion.sensitive_data", "Sensitive or highly personal data",
        "Særlige eller svært personlige opplysninger",
        "Känsliga eller mycket personliga uppgifter"),
    S("enum.criterion.large_scale", "Large scale", "Stor skala",
        "Stor omfattning"),
    S("enum.criterion.matching_datasets", "Matching or combining datasets",
        "Sammenstilling av datasett",
        "Matchning eller kombination av datamängder"),
    S("enum.criterion.vulnerable_subjects", "Vulnerable data subjects",
        "Sårbare registrerte", "Sårbara registrerade"),
    S("enum.criterion.innovative_technology", "Innovative use of technology",
        "Innovativ bruk av teknologi", "Innovativ användning av teknik"),
    S("enum.criterion.prevents_rights",
        "Prevents exercising a right or using a service",
        "Hindrer utøvelse av en rettighet eller bruk av en tjeneste",
        "Hindrar utövandet av en rättighet eller användning av en tjänst"),

    S("enum.severity.error", "Error", "Feil", "Fel"),
    S("enum.severity.warning", "Warning", "Advarsel", "Varning"),

    S("enum.bool.true", "Yes", "Ja", "Ja"),
    S("enum.bool.false", "No", "Nei", "Nej"),

    /* Column titles, shared by reports and terminal tables. */
    S("col.id", "Id", "Id", "Id"),
    S("col.name", "Name", "Navn", "Namn"),
    S("col.title", "Title", "Tittel", "Rubrik"),
    S("col.task", "Task", "Oppgave/aktivitet", "Uppgift/aktivitet"),
    S("col.quarter", "Quarter", "Kvartal", "Kvartal"),
    S("col.themes", "Themes", "Fokusområder", "Fokusområden"),
    S("col.completion", "Completion", "Fullført", "Slutfört"),
    S("col.priority", "Priority", "Prioritet", "Prioritet"),
    S("col.status", "Status", "Status", "Status"),
    S("col.date", "Date", "Dato", "Datum"),
    S("col.percent", "Completed %", "Fullført i %", "Slutfört i %"),
    S("col.role", "Responsible role", "Ansvarlig rolle", "Ansvarig roll"),
    S("col.notes", "Notes", "Merknader", "Noteringar"),
    S("col.year", "Year", "År", "År"),
    S("col.tasks", "Tasks", "Oppgaver", "Uppgifter"),
    S("col.system", "System", "System", "System"),
    S("col.purpose", "Purpose", "Formål", "Ändamål"),
    S("col.department", "Department", "Enhet", "Verksamhet"),
    S("col.field", "Field", "Felt", "Fält"),
    S("col.value", "Value", "Verdi", "Värde"),
    S("col.count", "Count", "Antall", "Antal"),
    S("col.share", "Share", "Andel", "Andel"),
    S("col.discovered", "Discovered", "Oppdaget", "Upptäckt"),
    S("col.breach_type", "Type", "Type", "Typ"),
    S("col.risk", "Risk", "Risiko", "Risk"),
    S("col.notified", "Authority notified", "Meldt til tilsynsmyndigheten",
        "Anmäld till tillsynsmyndigheten"),
    S("col.hours_to_notification", "Hours to notification", "Timer til melding",
        "Timmar till anmälan"),
    S("col.on_time", "On time", "I tide", "I tid"),
    S("col.subjects_notified", "Data subjects informed", "Registrerte varslet",
        "Registrerade informerade"),
    S("col.closed", "Closed", "Avsluttet", "Avslutad"),
    S("col.source", "Source", "Kilde", "Källa"),
    S("col.item", "Item", "Punkt", "Punkt"),
    S("col.threat", "Threat", "Trussel", "Hot"),
    S("col.likelihood", "Likelihood", "Sannsynlighet", "Sannolikhet"),
    S("col.consequence", "Consequence", "Konsekvens", "Konsekvens"),
    S("col.score", "Score", "Risikoverdi", "Riskvärde"),
    S("col.level", "Level", "Nivå", "Nivå"),
    S("col.before", "Before measures", "Før tiltak", "Före åtgärder"),
    S("col.after", "After measures", "Etter tiltak", "Efter åtgärder"),
    S("col.open_measures", "Open measures", "Åpne tiltak", "Öppna åtgärder"),
    S("col.processor", "Processor", "Databehandler", "Personuppgiftsbiträde"),
    S("col.country", "Country", "Land", "Land"),
    S("col.signed", "Signed", "Signert", "Undertecknat"),
    S("col.expires", "Expires", "Utløper", "Löper ut"),
    S("col.review_by", "Review by", "Gjennomgås innen", "Granskas senast"),
    S("col.received", "Received", "Mottatt", "Mottagen"),
    S("col.responded", "Responded", "Besvart", "Besvarad"),
    S("col.type", "Type", "Type", "Typ"),
    S("col.outcome", "Outcome", "Utfall", "Utfall"),
    S("col.deadline", "Deadline", "Frist", "Tidsfrist"),
    S("col.hours_left", "Hours left", "Timer igjen", "Timmar kvar"),
    S("col.days_left", "Days left", "Dager igjen", "Dagar kvar"),
    S("col.overdue", "Overdue", "Forfalt", "Försenad"),
    S("col.reviewed", "Last reviewed", "Sist gjennomgått", "Senast granskad"),
    S("col.next_review", "Next review", "Neste gjennomgang",
        "Nästa granskning"),
    S("col.register", "Processing activity", "Behandling", "Behandling"),
    S("col.missing", "Missing", "Mangler", "Saknas"),
    S("col.criteria", "Criteria met", "Oppfylte kriterier",
        "Uppfyllda kriterier"),
    S("col.required", "Required", "Påkrevd", "Krävs"),
    S("col.folder", "Folder", "Mappe", "Mapp"),
    S("col.commits", "Commits", "Commits", "Commits"),
    S("col.finding", "Finding", "Funn", "Avvikelse"),
    S("col.reason", "Reason", "Årsak", "Orsak"),
    S("col.ros", "ROS", "ROS", "ROS"),

    /* Art. 30(1) fields of the register report, with their article. */
    S("field.name", "Name of the processing", "Behandlingens navn",
        "Behandlingens namn"),
    S("field.system", "System or storage place", "System/lagringssted",
        "System/lagringsplats"),
    S("field.purpose", "Purposes (Art. 30(1)(b))", "Formål (art. 30 nr. 1 b)",
        "Ändamål (art. 30.1 b)"),
    S("field.department", "Used by", "Brukes av", "Används av"),
    S("field.system_owner", "System owner", "Systemeier", "Systemägare"),
    S("field.system_responsible", "System administrator", "Systemansvarlig",
        "Systemförvaltare"),
    S("field.data_subjects", "Categories of data subjects (Art. 30(1)(c))",
        "Kategorier av registrerte (art. 30 nr. 1 c)",
        "Kategorier av registrerade (art. 30.1 c)"),
    S("field.data_categories", "Categories of personal data (Art. 30(1)(c))",
        "Kategorier av personopplysninger (art. 30 nr. 1 c)",
        "Kategorier av personuppgifter (art. 30.1 c)"),
    S("field.special_categories",
        "Special categories of personal data (Art. 9 and 10)",
        "Særlige kategorier av personopplysninger (art. 9 og 10)",
        "Särskilda kategorier av personuppgifter (art. 9 och 10)"),
    S("field.legal_basis", "Legal basis (Art. 6)",
        "Behandlingsgrunnlag (art. 6)", "Rättslig grund (art. 6)"),
    S("field.art9_condition", "Condition for special categories (Art. 9(2))",
        "Unntak for særlige kategorier (art. 9 nr. 2)",
        "Undantag för särskilda kategorier (art. 9.2)"),
    S("field.recipients", "Categories of recipients (Art. 30(1)(d))",
        "Kategorier av mottakere (art. 30 nr. 1 d)",
        "Kategorier av mottagare (art. 30.1 d)"),
    S("field.processors", "Processors (Art. 28)", "Databehandlere (art. 28)",
        "Personuppgiftsbiträden (art. 28)"),
    S("field.transfers", "Transfers to third countries (Art. 30(1)(e))",
        "Overføring til tredjeland (art. 30 nr. 1 e)",
        "Överföring till tredjeland (art. 30.1 e)"),
    S("field.retention", "Time limits for erasure (Art. 30(1)(f))",
        "Frister for sletting (art. 30 nr. 1 f)",
        "Tidsfrister för radering (art. 30.1 f)"),
    S("field.security_measures", "Security measures (Art. 30(1)(g))",
        "Sikkerhetstiltak (art. 30 nr. 1 g)",
        "Säkerhetsåtgärder (art. 30.1 g)"),
    S("field.dpia", "Impact assessment (Art. 35)",
        "Personvernkonsekvensvurdering (art. 35)",
        "Konsekvensbedömning (art. 35)"),
    S("field.ros", "Risk and vulnerability analyses",
        "Risiko- og sårbarhetsanalyser", "Risk- och sårbarhetsanalyser"),
    S("field.status", "Status", "Status", "Status"),
    S("field.reviewed", "Last reviewed", "Sist gjennomgått", "Senast granskad"),

    /* Formats; {1}, {2} ... are replaced by the arguments. */
    S("fmt.percent", "{1}%", "{1} %", "{1} %"),
    S("fmt.of", "{1} of {2}", "{1} av {2}", "{1} av {2}"),
    S("fmt.share", "{1} of {2} ({3})", "{1} av {2} ({3})", "{1} av {2} ({3})"),
    S("fmt.hours", "{1} h", "{1} t", "{1} h"),
    S("fmt.decimal", ".", ",", ","),
    S("fmt.as_of", "As of {1}.", "Per {1}.", "Per {1}."),

    /* The provenance line that ends every Markdown report. */
    S("prov.commit", "Computed from commit {1} ({2}).",
        "Beregnet fra commit {1} ({2}).", "Beräknad från commit {1} ({2})."),
    S("prov.commit_dirty",
        "Computed from commit {1} ({2}) with uncommitted changes.",
        "Beregnet fra commit {1} ({2}) med endringer som ikke er committet.",
        "Beräknad från commit {1} ({2}) med ändringar som inte är "
        "incheckade."),
    S("prov.no_repo", "Computed from records not in a git repository.",
        "Beregnet fra opplysninger som ikke ligger i et git-repo.",
        "Beräknad från uppgifter som inte ligger i ett git-repo."),
    S("prov.no_commits", "Computed from records with no commits yet.",
        "Beregnet fra opplysninger som ennå ikke er committet.",
        "Beräknad från uppgifter som ännu inte är incheckade."),

    /* Words used in cells and lists. */
    S("word.none", "None", "Ingen", "Inga"),
    S("word.total", "Total", "Sum", "Summa"),
    S("word.on_time", "on time", "i tide", "i tid"),
    S("word.late", "late", "for sent", "för sent"),
    S("word.pending", "not yet due", "frist ikke utløpt", "inom tidsfristen"),
    S("word.not_required", "not required", "ikke påkrevd", "krävs inte"),
    S("word.not_notified", "not notified", "ikke meldt", "inte anmäld"),
    S("word.exempt", "exempt", "unntatt", "undantagen"),
    S("word.not_set", "not set", "ikke angitt", "inte angiven"),
    S("word.not_in_git", "not in a git repository", "ikke i et git-repo",
        "inte i ett git-repo"),

    /* report status */
    S("report.status.title", "Compliance plan {1}: status",
        "Plan for personvernarbeidet {1}: status",
        "Plan för dataskyddsarbetet {1}: status"),
    S("report.status.overview", "Overview", "Oversikt", "Översikt"),
    S("report.status.themes", "Themes", "Fokusområder", "Fokusområden"),
    S("report.status.completion", "Completion: {1}", "Fullført: {1}",
        "Slutfört: {1}"),
    S("report.status.summary", "Completion: {1} ({2} of {3} tasks complete)",
        "Fullført: {1} ({2} av {3} oppgaver fullført)",
        "Slutfört: {1} ({2} av {3} uppgifter slutförda)"),
    S("report.status.no_tasks", "No tasks.", "Ingen oppgaver.",
        "Inga uppgifter."),
    S("report.status.year", "The year {1}", "Året {1}", "Året {1}"),
    S("report.status.continuous", "Continuous work", "Løpende arbeid",
        "Kontinuerligt arbete"),

    /* report register */
    S("report.register.title", "Record of processing activities (Art. 30)",
        "Protokoll over behandlingsaktiviteter (art. 30)",
        "Förteckning över behandlingar (art. 30)"),
    S("report.register.organisation", "Organisation", "Virksomhet",
        "Organisation"),
    S("report.register.controller", "Controller (Art. 30(1)(a))",
        "Behandlingsansvarlig (art. 30 nr. 1 a)",
        "Personuppgiftsansvarig (art. 30.1 a)"),
    S("report.register.dpo", "Data protection officer", "Personvernombud",
        "Dataskyddsombud"),
    S("report.register.contact", "Contact", "Kontakt", "Kontakt"),
    S("report.register.activities", "Processing activities",
        "Behandlingsaktiviteter", "Behandlingar"),
    S("report.register.count", "Active processing activities: {1}",
        "Aktive behandlingsaktiviteter: {1}", "Aktiva behandlingar: {1}"),
    S("report.register.no_dpo", "No data protection officer is registered.",
        "Det er ikke registrert noe personvernombud.",
        "Inget dataskyddsombud är registrerat."),

    /* report incidents */
    S("report.incidents.title", "Breach log {1} (Art. 33(5))",
        "Avvikslogg {1} (art. 33 nr. 5)",
        "Förteckning över personuppgiftsincidenter {1} (art. 33.5)"),
    S("report.incidents.breaches", "Breaches", "Avvik", "Incidenter"),
    S("report.incidents.totals", "Totals", "Summer", "Summering"),
    S("report.incidents.none", "No breaches were discovered in {1}.",
        "Ingen avvik ble oppdaget i {1}.",
        "Inga personuppgiftsincidenter upptäcktes {1}."),
    S("report.incidents.count", "Breaches", "Avvik", "Incidenter"),
    S("report.incidents.notify_required", "Notification required", "Meldeplikt",
        "Anmälningsplikt"),
    S("report.incidents.notified", "Notified to the authority",
        "Meldt til tilsynsmyndigheten", "Anmälda till tillsynsmyndigheten"),
    S("report.incidents.on_time", "Notified on time", "Meldt i tide",
        "Anmälda i tid"),
    S("report.incidents.late", "Notified late or not at all",
        "Meldt for sent eller ikke meldt", "Anmälda för sent eller inte alls"),
    S("report.incidents.subjects", "Data subjects informed",
        "Registrerte varslet", "Registrerade informerade"),
    S("report.incidents.open", "Open", "Åpne", "Öppna"),

    /* report risks */
    S("report.risks.title", "Risk overview", "Risikooversikt", "Risköversikt"),
    S("report.risks.items", "Threats and risks", "Trusler og risikoer",
        "Hot och risker"),
    S("report.risks.none", "No threats or risks are recorded.",
        "Ingen trusler eller risikoer er registrert.",
        "Inga hot eller risker är registrerade."),
    S("report.risks.matrix_before", "Risk matrix before measures",
        "Risikomatrise før tiltak", "Riskmatris före åtgärder"),
    S("report.risks.matrix_after", "Risk matrix after measures",
        "Risikomatrise etter tiltak", "Riskmatris efter åtgärder"),
    S("report.risks.axes", "Likelihood / consequence",
        "Sannsynlighet / konsekvens", "Sannolikhet / konsekvens"),
    S("report.risks.not_scored", "not scored", "ikke vurdert", "ej bedömd"),

    /* report annual */
    S("report.annual.title", "Annual review {1}", "Årlig gjennomgang {1}",
        "Årlig uppföljning {1}"),
    S("report.annual.none", "None.", "Ingen.", "Inga."),
    S("report.annual.plan", "Compliance plan", "Plan for personvernarbeidet",
        "Plan för dataskyddsarbetet"),
    S("report.annual.plan_id", "Plan", "Plan", "Plan"),
    S("report.annual.no_plan", "There is no plan for {1}.",
        "Det finnes ingen plan for {1}.", "Det finns ingen plan för {1}."),
    S("report.annual.register", "Record of processing activities",
        "Protokoll over behandlingsaktiviteter",
        "Förteckning över behandlingar"),
    S("report.annual.active", "Active processing activities",
        "Aktive behandlingsaktiviteter", "Aktiva behandlingar"),
    S("report.annual.complete", "Complete (every Art. 30(1) field filled in)",
        "Komplette (alle felt i art. 30 nr. 1 er fylt ut)",
        "Fullständiga (alla fält i art. 30.1 ifyllda)"),
    S("report.annual.incomplete", "Incomplete", "Ufullstendige",
        "Ofullständiga"),
    S("report.annual.not_reviewed", "Not reviewed in time",
        "Ikke gjennomgått i tide", "Inte granskade i tid"),
    S("report.annual.dpa", "Processor agreements", "Databehandleravtaler",
        "Personuppgiftsbiträdesavtal"),
    S("report.annual.dpa_missing", "Processors without a signed agreement",
        "Databehandlere uten signert avtale",
        "Personuppgiftsbiträden utan undertecknat avtal"),
    S("report.annual.dpa_expiring", "Agreements expiring soon",
        "Avtaler som snart utløper", "Avtal som snart löper ut"),
    S("report.annual.dpa_expired", "Expired agreements", "Utløpte avtaler",
        "Avtal som har löpt ut"),
    S("report.annual.no_record", "no agreement on record",
        "ingen avtale registrert", "inget avtal registrerat"),
    S("report.annual.breaches", "Personal-data breaches",
        "Brudd på personopplysningssikkerheten", "Personuppgiftsincidenter"),
    S("report.annual.breaches_count", "Breaches discovered", "Oppdagede avvik",
        "Upptäckta incidenter"),
    S("report.annual.notify_pending", "Notification deadline not yet passed",
        "Meldefristen er ikke utløpt", "Anmälningsfristen har inte löpt ut"),
    S("report.annual.on_time_share", "Share notified on time",
        "Andel meldt i tide", "Andel anmälda i tid"),
    S("report.annual.median_hours", "Median hours to notification",
        "Median timer til melding", "Median timmar till anmälan"),
    S("report.annual.requests", "Data-subject requests",
        "Henvendelser fra registrerte", "Begäranden från registrerade"),
    S("report.annual.requests_count", "Requests received",
        "Mottatte henvendelser", "Mottagna begäranden"),
    S("report.annual.requests_in_time", "Answered in time", "Besvart i tide",
        "Besvarade i tid"),
    S("report.annual.requests_late", "Answered late or not at all",
        "Besvart for sent eller ikke besvart",
        "Besvarade för sent eller inte alls"),
    S("report.annual.requests_pending", "Not answered, not yet due",
        "Ikke besvart, frist ikke utløpt", "Inte besvarade, inom tidsfristen"),
    S("report.annual.requests_share", "Share answered in time",
        "Andel besvart i tide", "Andel besvarade i tid"),
    S("report.annual.dpia", "Impact assessments (DPIA)",
        "Personvernkonsekvensvurderinger (DPIA)",
        "Konsekvensbedömningar (DPIA)"),
    S("report.annual.dpia_missing", "Required but missing",
        "Påkrevd, men mangler", "Krävs men saknas"),
    S("report.annual.dpia_review", "Due for review by the end of the year",
        "Skal revideres innen årets slutt", "Ska omprövas före årets slut"),
    S("report.annual.reason.not_assessed", "no DPIA assessment recorded",
        "ingen vurdering av DPIA registrert",
        "ingen bedömning av DPIA registrerad"),
    S("report.annual.reason.screened",
        "marked not required, but {1} meets {2} screening criteria",
        "merket ikke påkrevd, men {1} oppfyller {2} kriterier",
        "markerad som inte nödvändig, men {1} uppfyller {2} kriterier"),
    S("report.annual.reason.draft", "{1} is still a draft",
        "{1} er fortsatt et utkast", "{1} är fortfarande ett utkast"),
    S("report.annual.reason.unknown", "{1} does not exist", "{1} finnes ikke",
        "{1} finns inte"),
    S("report.annual.ros", "Risk and vulnerability analyses (ROS)",
        "Risiko- og sårbarhetsanalyser (ROS)",
        "Risk- och sårbarhetsanalyser (ROS)"),
    S("report.annual.ros_stale", "Newest approved ROS older than allowed",
        "Nyeste godkjente ROS er eldre enn tillatt",
        "Senaste godkända ROS är äldre än tillåtet"),
    S("report.annual.no_ros", "Without an approved ROS", "Uten godkjent ROS",
        "Utan godkänd ROS"),
    S("report.annual.high_risks", "Open high residual risks",
        "Åpne høye restrisikoer", "Öppna höga kvarstående risker"),
    S("report.annual.commits", "Changes during the year (git)",
        "Endringer i løpet av året (git)", "Ändringar under året (git)"),
    S("report.annual.commits_intro", "Commits in {1} that changed each folder.",
        "Commits i {1} som endret hver mappe.",
        "Commits under {1} som ändrade respektive mapp."),
    S("report.annual.no_git", "The records are not in a git repository.",
        "Protokollene ligger ikke i et git-repo.",
        "Uppgifterna ligger inte i ett git-repo."),
    S("report.annual.findings", "Validation findings", "Funn ved validering",
        "Valideringsresultat"),
    S("report.annual.no_findings", "No errors or warnings.",
        "Ingen feil eller advarsler.", "Inga fel eller varningar."),
    S("report.annual.finding_counts", "Errors: {1}. Warnings: {2}.",
        "Feil: {1}. Advarsler: {2}.", "Fel: {1}. Varningar: {2}."),
    /* Terminal output of the record commands (list, show, new, verbs). */
    S("rec.col.reviewed", "Reviewed", "Gjennomgått", "Granskad"),
    S("rec.col.review_due", "Review due", "Ny gjennomgang", "Ny granskning"),
    S("rec.col.days_to_expiry", "Expiry", "Utløp", "Utgång"),
    S("rec.col.notification", "Notification", "Melding", "Anmälan"),
    S("rec.col.criteria", "Criteria", "Kriterier", "Kriterier"),
    S("rec.col.dpia_required", "DPIA required", "DPIA påkrevd", "DPIA krävs"),
    S("rec.col.residual", "Residual", "Restrisiko", "Restrisk"),
    S("rec.col.residual_score", "Residual score", "Restverdi", "Restvärde"),
    S("rec.col.conclusion", "Conclusion", "Konklusjon", "Slutsats"),
    S("rec.col.threats", "Threats", "Trusler", "Hot"),
    S("rec.col.highest", "Highest risk", "Høyeste risiko", "Högsta risk"),
    S("rec.col.open", "Open", "Åpne", "Öppna"),
    S("rec.col.case", "Case", "Sak", "Ärende"),
    S("rec.col.field", "Field", "Felt", "Fält"),
    S("rec.col.authority", "Authority", "Tilsynet", "Tillsynen"),
    S("rec.col.subjects", "Data subjects", "Registrerte", "Registrerade"),
    S("rec.col.left", "Left", "Igjen", "Kvar"),
    S("rec.col.criterion", "Criterion (WP248)", "Kriterium (WP248)",
        "Kriterium (WP248)"),
    S("rec.col.met", "Met", "Oppfylt", "Uppfyllt"),
    S("rec.computed", "Computed", "Beregnet", "Beräknat"),
    S("rec.references", "References", "Viser til", "Hänvisar till"),
    S("rec.referenced_by", "Referenced by", "Vist til fra",
        "Hänvisas till från"),
    S("rec.risk_items", "Risk per item", "Risiko per punkt", "Risk per punkt"),
    S("rec.not_found", "(no such record)", "(finnes ikke)", "(finns inte)"),
    S("rec.hours_left", "{1} h left", "{1} t igjen", "{1} h kvar"),
    S("rec.hours_overdue", "{1} h overdue", "{1} t på overtid",
        "{1} h försenad"),
    S("rec.day_left", "1 day left", "1 dag igjen", "1 dag kvar"),
    S("rec.days_left", "{1} days left", "{1} dager igjen", "{1} dagar kvar"),
    S("rec.day_overdue", "1 day overdue", "1 dag på overtid", "1 dag försenad"),
    S("rec.days_overdue", "{1} days overdue", "{1} dager på overtid",
        "{1} dagar försenad"),
    S("rec.due_today", "due today", "frist i dag", "sista dag i dag"),
    S("rec.notified", "notified", "meldt", "anmäld"),
    S("rec.notified_late", "notified late", "meldt for sent",
        "anmäld för sent"),
    S("rec.responded_late", "responded late", "besvart for sent",
        "besvarad för sent"),
    S("rec.expires_today", "expires today", "utløper i dag", "löper ut i dag"),
    S("rec.expires_day", "expires in 1 day", "utløper om 1 dag",
        "löper ut om 1 dag"),
    S("rec.expires_days", "expires in {1} days", "utløper om {1} dager",
        "löper ut om {1} dagar"),
    S("rec.expired_day", "expired 1 day ago", "utløpt for 1 dag siden",
        "löpte ut för 1 dag sedan"),
    S("rec.expired_days", "expired {1} days ago", "utløpt for {1} dager siden",
        "löpte ut för {1} dagar sedan"),
    S("rec.screen_required", "{1} of {2} criteria met: a DPIA is required.",
        "{1} av {2} kriterier oppfylt: DPIA er påkrevd.",
        "{1} av {2} kriterier uppfyllda: en DPIA krävs."),
    S("rec.screen_not_required",
        "{1} of {2} criteria met: fewer than two, so a DPIA is not "
        "required in most cases.",
        "{1} av {2} kriterier oppfylt: færre enn to, så DPIA er i de "
        "fleste tilfeller ikke påkrevd.",
        "{1} av {2} kriterier uppfyllda: färre än två, så en DPIA krävs "
        "i de flesta fall inte."),
    S("rec.matrix_count_one", "{1} threats in 1 analysis.",
        "{1} trusler i 1 analyse.", "{1} hot i 1 analys."),
    S("rec.matrix_count", "{1} threats in {2} analyses.",
        "{1} trusler i {2} analyser.", "{1} hot i {2} analyser."),
    S("rec.matrix_unscored", "{1} not scored on the scales of gdprctl.yaml.",
        "{1} er ikke vurdert på skalaene i gdprctl.yaml.",
        "{1} är inte bedömda på skalorna i gdprctl.yaml."),
    S("enum.subjects.notified", "informed", "varslet", "informerade"),
    S("enum.subjects.exempt", "exempt", "unntatt", "undantagna"),
    S("enum.subjects.missing", "not informed", "ikke varslet",
        "inte informerade"),
    S("enum.subjects.not-required", "not required", "ikke påkrevd",
        "krävs inte"),
    S("enum.request-status.open", "Open", "Åpen", "Öppen"),
    S("enum.request-status.responded", "Responded", "Besvart", "Besvarad"),
};

const size_t l10n_size = sizeof(l10n_table) / sizeof(l10n_table[0]);

/* Entries sorted by key, built on first use so the table can stay in
 * topical order. */
static const struct l10n_entry **sorted;

static int
cmp_entry(const void *a, const void *b)
{
	const struct l10n_entry *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

static const struct l10n_entry *
find(const char *key)
{
	size_t lo = 0, hi = l10n_size;

	if (sorted == NULL) {
		static const struct l10n_entry
		    *index[sizeof(l10n_table) / sizeof(l10n_table[0])];
		size_t i;

		for (i = 0; i < l10n_size; i++)
			index[i] = &l10n_table[i];
		qsort(index, l10n_size, sizeof(index[0]), cmp_entry);
		sorted = index;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, sorted[mid]->key);

		if (c == 0)
			return sorted[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static enum l10n_locale
locale_index(const char *s)
{
	if (s != NULL && strcmp(s, "nb") == 0)
		return L10N_NB;
	if (s != NULL && strcmp(s, "sv") == 0)
		return L10N_SV;
	return L10N_EN;
}

int
l10n_locale_valid(const char *s)
{
	return s != NULL &&
	    (strcmp(s, "en") == 0 || strcmp(s, "nb") == 0 ||
	        strcmp(s, "sv") == 0);
}

const char *
l10n_get(const char *locale, const char *key)
{
	const struct l10n_entry *e = find(key);

	return e != NULL ? e->text[locale_index(locale)] : key;
}

const char *
l10n_enum(const char *locale, const char *type, const char *value)
{
	const struct l10n_entry *e;
	char key[128];
	int n;

	if (value == NULL)
		return NULL;
	n = snprintf(key, sizeof(key), "enum.%s.%s", type, value);
	if (n < 0 || (size_t)n >= sizeof(key))
		return value;
	e = find(key);
	return e != NULL ? e->text[locale_index(locale)] : value;
}

void
l10n_format(struct buf *out, const char *locale, const char *key, ...)
{
	const char *args[9] = {NULL};
	const char *p = l10n_get(locale, key);
	va_list ap;
	size_t n = 0;

	va_start(ap, key);
	while (n < 9 && (args[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	while (*p != '\0') {
		const char *q = strchr(p, '{');

		if (q == NULL) {
			buf_puts(out, p);
			return;
		}
		buf_add(out, p, (size_t)(q - p));
		if (q[1] >= '1' && q[1] <= '9' && q[2] == '}') {
			size_t i = (size_t)(q[1] - '1');

			if (i < n)
				buf_puts(out, args[i]);
			p = q + 3;
		} else {
			buf_putc(out, '{');
			p = q + 1;
		}
	}
}
