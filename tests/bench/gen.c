/* Benchmark generator: a deterministic records repository with git history. */
/*
 * gen --records N --commits M --seed S DIR writes a records repository the
 * way an organisation keeps one: the seven kinds in realistic shares, field
 * mixes like the examples, references that resolve, ROS analyses with 5-20
 * threats, and about 2.5 % of records with a deliberate finding. The first
 * commit imports most records; every later commit adds or edits 1-5 files
 * (one value each), on increasing dates from 2020 to 2025; the last commit
 * changes exactly one register entry.
 *
 * The history is written by git fast-import, not libgit2: every commit
 * rewrites the tree of each directory it touches, and with 100 000 records
 * register/ alone is a 1.2 MiB tree. As loose objects (git_index_write_tree)
 * that is about 5 GiB for 5 000 commits; fast-import stores each tree as a
 * delta against its previous version and the whole repository packs into
 * about 150 MiB in two minutes.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "xalloc.h"

/*
 * tests/bench/run passes the same date as --today: record dates are drawn
 * relative to it, so the repository is as fresh as a maintained one no
 * matter when the benchmark runs.
 */
#define TODAY_Y 2026
#define TODAY_M 1
#define TODAY_D 15
/* The history: the first and the last commit (local time, +01:00). */
#define FIRST_Y 2020
#define LAST_Y 2025
/* Raise when the output changes: tests/bench/run then regenerates. */
#define GEN_VERSION 3

enum gkind { G_REG, G_DPA, G_INC, G_DPIA, G_ROS, G_REQ, G_PLAN, G_NKIND };

static const char *const kdir[G_NKIND] = {
    "register",
    "dpa",
    "incident",
    "dpia",
    "ros",
    "request",
    "plan",
};

/* Shares of the records that are not plans, in percent (sum 99). */
static const int kshare[G_NKIND - 1] = {30, 10, 20, 5, 15, 19};

/* Deliberate findings; the kinds each one applies to are in pick_finding. */
enum finding {
	F_NONE,
	F_MISSING,  /* a required field left out */
	F_DANGLING, /* a reference to a record that does not exist */
	F_ART9,     /* special categories without art9_condition */
	F_TRANSFER, /* a transfer outside the EEA without safeguard */
	F_PERSONAL, /* a national identity number in a value */
	F_DUPKEY,   /* a duplicate mapping key: a YAML error */
	F_STALE,    /* reviewed two years ago */
	F_EXPIRED,  /* a dpa past its expiry */
	F_LATE,     /* breach notified late without delay_reason */
	F_SUBJECTS, /* high risk breach, subjects not notified */
	F_PRIOR,    /* high residual risk without prior consultation */
	F_DUPID,    /* two risk items share an id */
	F_OVERDUE,  /* a request answered after its deadline */
	F_NOREASON, /* extended without extension_reason */
	F_FILENAME, /* the id does not match the file name */
	F_PLAN,     /* a task at 100 percent that is not done */
	F_NFINDING,
};

static const char *const fname[F_NFINDING] = {
    "none",
    "missing-field",
    "dangling-ref",
    "art9",
    "transfer",
    "personal-data",
    "duplicate-key",
    "review-stale",
    "dpa-expired",
    "late-notification",
    "subjects-not-notified",
    "prior-consultation",
    "duplicate-item-id",
    "request-overdue",
    "no-extension-reason",
    "id-filename",
    "plan-consistency",
};

struct rec {
	enum gkind k;
	char id[24];
	uint64_t seed;
	int date;  /* primary date as a day number: discovered, received, ... */
	int year;  /* plans: the year */
	int birth; /* the commit that adds it */
	int nver;  /* edits in the history; the file ends at version nver */
	int ver;   /* current version while writing the history */
	int link;  /* register <-> dpia pairing, or -1 */
	int good;  /* dpa signed, ros approved */
	int usable; /* a valid target for references from other records */
	enum finding f;
};

struct gen {
	uint64_t seed;
	long nrec, ncommit;
	struct rec *r;
	int first[G_NKIND], count[G_NKIND]; /* index ranges per kind */
	int today;                          /* day number */
	int64_t *ctime;                     /* commit times, UTC seconds */
	/* The changes of commit c are chg[off[c]] .. chg[off[c + 1] - 1]. */
	int *chg;
	size_t *off;
	/* Reference targets: indices of usable imported records per kind. */
	int *tgt[G_NKIND];
	int ntgt[G_NKIND];
	long findings[F_NFINDING];
	size_t bytes;
};

/* splitmix64: small, fast and good enough for test data. */
struct rng {
	uint64_t s;
};

static uint64_t
rnext(struct rng *g)
{
	uint64_t z = (g->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static struct rng
rseed(uint64_t a, uint64_t b)
{
	struct rng g = {a * 0x2545f4914f6cdd1du + b};

	rnext(&g);
	return g;
}

/* Uniform in [0, n). */
static int
rbelow(struct rng *g, int n)
{
	return n <= 1 ? 0 : (int)(rnext(g) % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static int
rrange(struct rng *g, int lo, int hi)
{
	return lo + rbelow(g, hi - lo + 1);
}

/* True with probability pct percent. */
static int
rpct(struct rng *g, int pct)
{
	return rbelow(g, 100) < pct;
}

#define PICK(g, arr) ((arr)[rbelow((g), (int)(sizeof(arr) / sizeof((arr)[0])))])
#define NELEM(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
year_of(int day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	return y;
}

static void
put_date(struct buf *b, int day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

/* Central European offset in minutes: summer time from April to October. */
static int
cet_offset(int64_t t)
{
	int y, m, d;

	civil_from_days((int)((t + 3600) / 86400), &y, &m, &d);
	return m >= 4 && m <= 10 ? 120 : 60;
}

/* An RFC 3339 date-time in local time with its offset, without seconds
 * sometimes, the way people write them. */
static void
put_datetime(struct buf *b, int64_t t, int with_seconds)
{
	int off = cet_offset(t);
	int64_t l = t + off * 60;
	int y, m, d, day = (int)(l / 86400), sec = (int)(l % 86400);

	civil_from_days(day, &y, &m, &d);
	buf_printf(
	    b, "%04d-%02d-%02dT%02d:%02d", y, m, d, sec / 3600, sec / 60 % 60);
	if (with_seconds)
		buf_printf(b, ":%02d", sec % 60);
	buf_printf(b, "+%02d:00", off / 60);
}

/* Whether a scalar must be quoted to stay a string (YAML 1.2 core). */
static int
needs_quotes(const char *s, int flow)
{
	static const char *const typed[] = {
	    "true",
	    "false",
	    "True",
	    "False",
	    "TRUE",
	    "FALSE",
	    "null",
	    "Null",
	    "NULL",
	    "~",
	};
	const char *p;
	int i, numeric = 1;

	if (*s == '\0' || strchr("-?:,[]{}#&*!|>'\"%@` ", *s) != NULL)
		return 1;
	if (s[strlen(s) - 1] == ' ' || s[strlen(s) - 1] == ':')
		return 1;
	if (strstr(s, ": ") != NULL || strstr(s, " #") != NULL)
		return 1;
	if (flow && strpbrk(s, ",[]{}") != NULL)
		return 1;
	for (i = 0; i < NELEM(typed); i++)
		if (strcmp(s, typed[i]) == 0)
			return 1;
	for (p = s; *p; p++)
		if (strchr("0123456789.+-eE", *p) == NULL)
			numeric = 0;
	return numeric;
}

static void
put_scalar(struct buf *b, const char *s, int flow)
{
	if (!needs_quotes(s, flow)) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* key: value on its own line at an indentation. */
static void
kv(struct buf *b, int ind, const char *key, const char *val)
{
	buf_fill(b, ' ', (size_t)ind);
	buf_printf(b, "%s: ", key);
	put_scalar(b, val, 0);
	buf_putc(b, '\n');
}

static void
kv_date(struct buf *b, int ind, const char *key, int day)
{
	buf_fill(b, ' ', (size_t)ind);
	buf_printf(b, "%s: ", key);
	put_date(b, day);
	buf_putc(b, '\n');
}

/* A flow sequence of n distinct strings drawn from a pool. */
static void
kv_flow(struct buf *b, int ind, const char *key, struct rng *g,
    const char *const *pool, int npool, int n)
{
	int used[64] = {0}, i, j;

	if (npool > 64)
		npool = 64;
	if (n > npool)
		n = npool;
	buf_fill(b, ' ', (size_t)ind);
	buf_printf(b, "%s: [", key);
	for (i = 0; i < n; i++) {
		do
			j = rbelow(g, npool);
		while (used[j]);
		used[j] = 1;
		if (i > 0)
			buf_puts(b, ", ");
		put_scalar(b, pool[j], 1);
	}
	buf_puts(b, "]\n");
}

/* A block sequence of n distinct strings drawn from a pool. */
static void
kv_block(struct buf *b, int ind, const char *key, struct rng *g,
    const char *const *pool, int npool, int n)
{
	int used[64] = {0}, i, j;

	if (npool > 64)
		npool = 64;
	if (n > npool)
		n = npool;
	buf_fill(b, ' ', (size_t)ind);
	buf_printf(b, "%s:\n", key);
	for (i = 0; i < n; i++) {
		do
			j = rbelow(g, npool);
		while (used[j]);
		used[j] = 1;
		buf_fill(b, ' ', (size_t)ind + 2);
		buf_puts(b, "- ");
		put_scalar(b, pool[j], 0);
		buf_putc(b, '\n');
	}
}

/* Either style, the way people mix them. */
static void
kv_list(struct buf *b, int ind, const char *key, struct rng *g,
    const char *const *pool, int npool, int n)
{
	if (rpct(g, 50))
		kv_block(b, ind, key, g, pool, npool, n);
	else
		kv_flow(b, ind, key, g, pool, npool, n);
}

/* key: n sentences from a pool, on one line. */
static void
kv_text(struct buf *b, const char *key, struct rng *g, const char *const *pool,
    int npool, int n)
{
	buf_printf(b, "%s: ", key);
	for (; n > 0; n--)
		buf_printf(
		    b, "%s%s", pool[rbelow(g, npool)], n > 1 ? " " : "\n");
}

/*
 * ---- Text pools: Norwegian and Swedish, the way records are written.
 * Vendor names illustrate common municipal systems; every agreement, date
 * and sub-processor relation made from them is invented.
 */

static const char *const places[] = {
    "Steinkjer",
    "Egge",
    "Byafossen",
    "Beitstad",
    "Ogndal",
    "Sparbu",
    "Mære",
    "Henning",
    "Kvam",
    "Snåsa",
    "Verran",
    "Malm",
    "Follafoss",
    "Stod",
    "Østersund",
    "Frösön",
    "Brunflo",
    "Lit",
    "Hallen",
    "Krokom",
    "Åre",
    "Järpen",
    "Strömsund",
    "Berg",
    "Bräcke",
};

static const char *const units_nb[] = {
    "skole",
    "barnehage",
    "sykehjem",
    "legekontor",
    "hjemmetjeneste",
    "bibliotek",
    "kulturskole",
    "helsestasjon",
    "NAV-kontor",
    "rådhus",
    "omsorgssenter",
    "ungdomsskole",
};

static const char *const units_sv[] = {
    "skola",
    "förskola",
    "äldreboende",
    "vårdcentral",
    "hemtjänst",
    "bibliotek",
    "kulturskola",
    "socialkontor",
    "kommunhus",
    "gymnasium",
    "fritidsgård",
    "LSS-boende",
};

static const char *const activities_nb[] = {
    "Lønns- og personalsystem",
    "Elevadministrasjon",
    "Barnehageopptak",
    "Journal i hjemmetjenesten",
    "Barnevernssaker",
    "Byggesaksbehandling",
    "Sak- og arkivsystem",
    "Tilgangsstyring",
    "Kameraovervåking",
    "Skolefritidsordning",
    "Startlån og bostøtte",
    "Tildeling av helse- og omsorgstjenester",
    "Legevakt",
    "Fakturering av kommunale avgifter",
    "Politiske saker og møter",
    "Varsling av innbyggere",
    "Rekruttering",
    "Elevfravær",
    "Biblioteksystem",
    "Kulturskoleopptak",
    "Introduksjonsprogram",
    "Økonomisk sosialhjelp",
    "Pasientjournal",
    "Velferdsteknologi",
    "Timeregistrering",
    "Læringsplattform",
    "Skoleskyss",
};

static const char *const activities_sv[] = {
    "Personaladministration",
    "Elevhälsans journaler",
    "Ekonomiskt bistånd",
    "Bygglovshantering",
    "Förskoleplacering",
    "Hemtjänst",
    "Diarium och ärendehantering",
    "Kameraövervakning",
    "Rekrytering",
    "Bibliotekssystem",
    "Färdtjänst",
    "Överförmyndare",
    "Lönehantering",
    "Skolskjuts",
    "Lärplattform",
    "Social dokumentation",
    "Bostadsanpassning",
    "Vuxenutbildning",
    "Synpunktshantering",
};

static const char *const systems[] = {
    "Visma Flyt Skole",
    "Visma Profil",
    "Gerica",
    "Public 360",
    "Elements",
    "Acos WebSak",
    "Agresso",
    "Unit4 ERP",
    "WinTid",
    "Socio",
    "Familia",
    "Modulus Barn",
    "DocuLive",
    "CosDoc",
    "Mcare",
    "IST Direkte",
    "Vigilo",
    "Microsoft 365",
    "itslearning",
    "Feide",
    "Procapita",
    "Lifecare",
    "Treserva",
    "Pulsen Combine",
    "Platina",
    "W3D3",
    "Heroma",
    "Raindance",
    "Skola24",
    "Unikum",
    "Vklass",
    "Ciceron",
};

static const char *const purposes_nb[] = {
    "Personalforvaltning",
    "utbetale lønn",
    "saksbehandling",
    "dokumentere helsehjelp",
    "oppfølging av elever",
    "tildeling av tjenester",
    "fakturering",
    "arkivering etter arkivlova",
    "statistikk og rapportering",
    "kommunikasjon med innbyggere",
    "planlegging av ressurser",
    "internkontroll",
    "ivareta opplysningsplikt",
    "tilrettelegging av undervisning",
};

static const char *const purposes_sv[] = {
    "Personaladministration",
    "utbetalning av lön",
    "ärendehandläggning",
    "dokumentation av vård och omsorg",
    "uppföljning av elever",
    "beslut om insatser",
    "fakturering",
    "arkivering enligt arkivlagen",
    "statistik och uppföljning",
    "kommunikation med medborgare",
    "planering av verksamheten",
    "intern kontroll",
};

static const char *const subjects_nb[] = {
    "ansatte",
    "elever",
    "foresatte",
    "pasienter",
    "brukere",
    "innbyggere",
    "søkere",
    "barn",
    "tidligere ansatte",
    "leverandører",
    "folkevalgte",
    "pårørende",
};

static const char *const subjects_sv[] = {
    "anställda",
    "elever",
    "vårdnadshavare",
    "patienter",
    "brukare",
    "medborgare",
    "sökande",
    "barn",
    "förtroendevalda",
    "anhöriga",
    "leverantörer",
};

static const char *const categories_nb[] = {
    "kontaktopplysninger",
    "fødselsnummer",
    "lønnsopplysninger",
    "fravær",
    "karakterer",
    "helseopplysninger",
    "bankkontonummer",
    "IP-adresse",
    "bilder",
    "loggdata",
    "vedtak",
    "familieforhold",
    "adresse",
    "skattekort",
    "kompetanse",
};

static const char *const categories_sv[] = {
    "kontaktuppgifter",
    "personnummer",
    "löneuppgifter",
    "frånvaro",
    "betyg",
    "hälsouppgifter",
    "bankkontonummer",
    "IP-adress",
    "bilder",
    "loggdata",
    "beslut",
    "familjeförhållanden",
};

static const char *const special[] = {
    "racial-ethnic-origin",
    "political-opinions",
    "religious-beliefs",
    "trade-union",
    "genetic",
    "biometric",
    "health",
    "sex-life",
    "criminal-offences",
};

static const char *const art9[] = {
    "explicit-consent",
    "employment",
    "vital-interests",
    "legal-claims",
    "substantial-public-interest",
    "health-care",
    "public-health",
    "archiving-research",
};

static const char *const bases[] = {
    "public-task",
    "public-task",
    "legal-obligation",
    "legal-obligation",
    "contract",
    "consent",
    "vital-interests",
};

static const char *const laws[] = {
    "Opplæringslova § 15-1",
    "Arbeidsavtalen",
    "Helse- og omsorgstjenesteloven § 3-1",
    "Plan- og bygningsloven § 20-1",
    "Barnevernsloven § 12-1",
    "Forvaltningsloven § 11",
    "Arkivlova § 6",
    "Pasientjournalloven § 6",
    "Sosialtjenesteloven § 18",
    "Barnehageloven § 16",
    "Skollagen (2010:800)",
    "Socialtjänstlagen (2001:453)",
    "Offentlighets- och sekretesslagen",
    "Arbetsmiljölagen",
    "Kommunallagen (2017:725)",
    "Patientdatalagen",
};

static const char *const retentions[] = {
    "5 år etter avsluttet arbeidsforhold",
    "Bevares for alltid, avleveres til IKA",
    "Slettes 3 år etter avsluttet sak",
    "10 år etter siste innføring i journalen",
    "Slettes når eleven slutter, vitnemål bevares",
    "Gallras efter 2 år",
    "Bevaras enligt dokumenthanteringsplanen",
    "Gallras 5 år efter avslutat ärende",
    "Slettes etter 30 dager",
    "Journal bevares etter pasientjournalloven og arkivforskrifta (ikke "
    "kassasjon)",
    "5 år etter avsluttet arbeidsforhold; regnskapsmateriale etter "
    "bokføringsloven",
    "Opptak slettes etter 7 dager med mindre de trengs i en straffesak",
    "Elevmappen bevares og avleveres til arkivdepot når eleven slutter",
    "Gallras enligt beslut i nämnden; allmänna handlingar bevaras",
};

/* Where and for whom, appended to a purpose in parentheses. */
static const char *const scopes[] = {
    "hjemmetjenesten, sykehjem, psykisk helse",
    "alle skoler og SFO",
    "barnehagene i kommunen, kommunale og private",
    "saksbehandling og arkiv i alle sektorer",
    "hemtjänst, särskilt boende och LSS",
    "grundskola, fritidshem och elevhälsa",
    "byggesak, oppmåling og eiendomsskatt",
};

/* Security measures as sentences, for block lists. */
static const char *const measures_long[] = {
    "Tilgangsstyring etter tjenstlig behov",
    "Logging og stikkprøvekontroll av oppslag",
    "Tofaktorautentisering for alle brukere",
    "Kryptering av bærbare enheter og minnepinner",
    "Daglig sikkerhetskopi med årlig test av gjenoppretting",
    "Databrukeravtale og taushetserklæring for alle brukere",
    "Mobile enheter styrt med fjernsletting og kryptering",
    "Årlig gjennomgang av tilganger med systemeier",
    "Helsenett for meldingsutveksling",
    "Behörighetsstyrning efter arbetsuppgifter",
    "Loggning och regelbunden logguppföljning",
    "Kryptering vid lagring och överföring",
    "Säkerhetskopiering dagligen, återläsning testas årligen",
};

static const char *const measures_nb[] = {
    "tilgangsstyring",
    "logging",
    "kryptering",
    "tofaktorautentisering",
    "sikkerhetskopi",
    "taushetserklæring",
    "behovsprøvd tilgang",
    "opplæring",
    "fysisk sikring",
    "brannmur",
};

static const char *const measures_sv[] = {
    "behörighetsstyrning",
    "loggning",
    "kryptering",
    "tvåfaktorsautentisering",
    "säkerhetskopiering",
    "tystnadsplikt",
    "utbildning",
    "fysiskt skydd",
};

static const char *const recipients[] = {
    "Skatteetaten",
    "NAV",
    "Statens pensjonskasse",
    "KLP",
    "Statsforvalteren",
    "Helsedirektoratet",
    "Lånekassen",
    "Husbanken",
    "Skatteverket",
    "Försäkringskassan",
    "Pensionsmyndigheten",
    "Skolverket",
    "Socialstyrelsen",
    "IVO",
};

static const char *const roles[] = {
    "Personalsjef",
    "Leder regnskap og lønn",
    "Systemansvarlig",
    "Enhetsleder",
    "Rektor",
    "Styrer",
    "Kommunalsjef helse og omsorg",
    "IKT-leder",
    "Arkivleder",
    "Virksomhetsleder",
    "Personvernombudet",
    "Förvaltningschef",
    "Systemförvaltare",
    "Enhetschef",
    "IT-chef",
    "Arkivarie",
    "Dataskyddssamordnare",
    "Informasjonssikkerhetsleder",
};

static const char *const departments[] = {
    "Hele kommunen",
    "Helse og omsorg",
    "Oppvekst",
    "Barnehage",
    "Skole",
    "Teknisk drift",
    "Plan og bygg",
    "Økonomi",
    "Personal",
    "Kultur",
    "NAV",
    "Barnevern",
    "Socialtjänst",
    "Äldreomsorg",
    "Grundskola",
    "Kommunledningskontoret",
    "Samhällsbyggnad",
};

struct party {
	const char *name, *country;
};

static const struct party processors[] = {
    {"Visma Enterprise AS", "NO"},
    {"Tietoevry Norway AS", "NO"},
    {"Microsoft Ireland Operations Ltd", "IE"},
    {"Google Cloud EMEA Ltd", "IE"},
    {"Acos AS", "NO"},
    {"Sikri AS", "NO"},
    {"Pulsen Omsorg AB", "SE"},
    {"CGI Sverige AB", "SE"},
    {"Atea AS", "NO"},
    {"Telenor Norge AS", "NO"},
    {"IST Group AB", "SE"},
    {"Itslearning AS", "NO"},
    {"Vigilo AS", "NO"},
    {"Intility AS", "NO"},
    {"Advania Sverige AB", "SE"},
    {"Formpipe Software AB", "SE"},
    {"Amazon Web Services EMEA SARL", "LU"},
    {"Netcompany Norway AS", "NO"},
};

struct sub {
	const char *name, *country, *service;
};

static const struct sub subs[] = {
    {"Microsoft Ireland Operations Ltd", "IE", "hosting"},
    {"Amazon Web Services EMEA SARL", "LU", "hosting"},
    {"Google Cloud EMEA Ltd", "IE", "hosting"},
    {"Basefarm AS", "NO", "drift"},
    {"Green Mountain AS", "NO", "datasenter"},
    {"Cloudflare Inc", "US", "CDN"},
    {"Zendesk Inc", "US", "support"},
    {"Twilio Inc", "US", "SMS-varsling"},
    {"Tietoevry India Pvt Ltd", "IN", "support"},
    {"Sendgrid Inc", "US", "e-post"},
    {"Conscia Sverige AB", "SE", "nätverk"},
};

static const char *const services[] = {
    "Drift av fagsystem",
    "Drift og vedlikehold av lønnssystem",
    "Skytjeneste for e-post og dokumenter",
    "Brukerstøtte",
    "Utskrift og forsendelse",
    "SMS-varsling",
    "Drift av journalsystem",
    "Leverans av verksamhetssystem",
    "Support och förvaltning",
    "Digital post",
    "Sikkerhetskopi",
    "Lagring av kameraopptak",
};

static const char *const inc_titles[] = {
    "E-post med helseopplysninger sendt til feil mottaker",
    "Tapt minnepinne med elevopplysninger",
    "Feilsendt brev fra barnevernet",
    "Uautorisert oppslag i journal",
    "Phishing-angrep mot ansattkonto",
    "Stjålet bærbar PC",
    "Feil tilgangsstyring i fagsystem",
    "Løsepengevirus på filserver",
    "Dokumenter publisert i offentlig postjournal",
    "Utskrift glemt på felles skriver",
    "Nedetid i journalsystemet",
    "E-post med känsliga uppgifter skickad till fel mottagare",
    "Förlorad mobiltelefon",
    "Obehörig åtkomst i journalsystem",
    "Nätfiskeattack mot anställd",
    "Stulen dator",
    "Utskrift kvarglömd i skrivare",
    "Publicering av sekretessbelagd handling",
};

static const char *const inc_desc[] = {
    "En ansatt i hjemmetjenesten sendte en e-post med opplysninger om "
    "helsetilstanden til én bruker til en feil ekstern mottaker.",
    "Adressen ble valgt ved autofullføring.",
    "Mottakeren gjorde kommunen oppmerksom på feilen samme formiddag.",
    "Det er uklart hvor lenge opplysningene var tilgjengelige for "
    "uvedkommende.",
    "Angriperen hadde tilgang til e-postkontoen i omtrent to timer før "
    "passordet ble byttet.",
    "Hendelsen berørte elever og foresatte ved to skoler.",
    "En medarbetare skickade ett e-postmeddelande med känsliga "
    "personuppgifter till fel mottagare.",
    "Bärbar dator med okrypterad hårddisk glömdes på tåget.",
    "En ansatt sendte e-post til feil mottaker.",
    "Mottaker har bekreftet sletting.",
    "Hendelsen ble oppdaget ved gjennomgang av tilgangslogg.",
    "Leverandøren varslet kommunen samme dag.",
    "Opplysningene var ikke kryptert.",
    "Saken er meldt til politiet.",
    "Felet upptäcktes vid kontroll av loggar.",
    "Mottagaren har bekräftat att uppgifterna raderats.",
    "Handlingen låg publicerad i två dagar.",
    "Tilgangen ble stengt umiddelbart.",
};

static const char *const inc_consequences[] = {
    "Helseopplysninger om én bruker ble kjent for én privatperson.",
    "Liten sannsynlighet for videre spredning etter at mottakeren har "
    "slettet e-posten.",
    "Opplysningene kan misbrukes til identitetstyveri.",
    "Tjenesten var utilgjengelig i fire timer; ingen opplysninger kom på "
    "avveie.",
    "Risk för att känsliga uppgifter sprids vidare.",
    "De berørte kan oppleve det som en belastning at opplysningene ble "
    "kjent.",
    "Ingen kjent skade, men opplysningene var tilgjengelige for mange.",
};

static const char *const inc_measures_long[] = {
    "Mottakeren bekreftet skriftlig at e-posten er slettet",
    "Brukeren er orientert",
    "Autofullføring av eksterne e-postadresser er slått av",
    "Rutinen for e-post er gjennomgått i enheten",
    "Passord byttet og alle aktive økter avsluttet",
    "Tilganger gjennomgått med systemansvarlig",
    "Enheten fjernslettet via mobiladministrasjon",
    "Leverandøren har rettet feilen og levert avviksrapport",
    "Berörda medarbetare har fått utbildning i rutinen",
};

static const char *const inc_measures[] = {
    "Mottaker bekreftet sletting",
    "Passord byttet",
    "Tilganger gjennomgått",
    "Ansatte minnet på rutinen",
    "Enheten fjernslettet",
    "Sikkerhetskopi gjenopprettet",
    "Rutinen for utsending endret",
    "Behörigheter ses över",
    "Utbildning av personal",
    "Leverandøren har rettet feilen",
};

static const char *const threats[] = {
    "Ikke-autoriserte får tilgang til sensitive opplysninger",
    "Tap av data ved feil i sikkerhetskopi",
    "Feilsendt e-post",
    "Manglende tilgjengelighet ved strømbrudd",
    "Løsepengevirus krypterer filserver",
    "Feil i integrasjon gir feil data",
    "Ansatte gjør uautoriserte oppslag",
    "Innlogging uten tofaktor",
    "Leverandør mister kontroll på data",
    "Maskiner blir stående pålogget",
    "Utdatert programvare med sårbarheter",
    "Obehöriga får åtkomst till känsliga uppgifter",
    "Dataförlust vid fel i säkerhetskopiering",
    "Bristande tillgänglighet vid strömavbrott",
    "Felaktiga behörigheter efter omorganisation",
    "Personuppgifter lämnas ut till fel mottagare",
};

static const char *const causes[] = {
    "Maskiner blir stående pålogget uten skjermsparer",
    "Manglende opplæring",
    "Svak passordpolicy",
    "Manglende logging",
    "Feilkonfigurasjon hos leverandør",
    "Sårbarhet i programvare",
    "Bristande rutiner",
    "Hög arbetsbelastning",
    "Delade konton",
};

static const char *const rmeasures[] = {
    "Skjermsparer med passord",
    "Opplæring av ansatte",
    "Innføre tofaktorautentisering",
    "Gjennomgang av tilganger hvert halvår",
    "Kryptering av bærbare enheter",
    "Test av gjenoppretting",
    "Månedlig loggkontroll",
    "Nødstrøm til serverrom",
    "Rutin för behörighetsgranskning",
    "Utbildning i informationssäkerhet",
};

static const char *const cia[] = {
    "confidentiality", "integrity", "availability"};

static const char *const dpia_titles[] = {
    "Digitalt tilsyn i hjemmetjenesten",
    "Kameraovervåking i skolegård",
    "Lokaliseringsteknologi for personer med demens",
    "Læringsanalyse i grunnskolen",
    "Ny journalløsning",
    "Automatisk saksbehandling av startlån",
    "Digital nattillsyn i hemtjänsten",
    "Ansiktsigenkänning vid inpassering",
    "Skyløsning for elevdata",
    "Chatbot för medborgarfrågor",
};

static const char *const themes[] = {
    "Personvernorganisasjonen",
    "Behandlingsprotokollen",
    "Avvikshåndtering",
    "Risikovurderinger",
    "Databehandleravtaler",
    "Opplæring",
    "Internkontroll",
    "Innsyn og rettigheter",
    "Informasjonssikkerhetsmåneden",
    "Dataskyddsorganisationen",
    "Registerförteckningen",
    "Personuppgiftsincidenter",
    "Konsekvensbedömningar (DPIA)",
    "Omvärldsbevakning",
};

static const char *const task_titles[] = {
    "Fungerende organisasjon for personvern",
    "Oppdatere behandlingsprotokollen",
    "Gjennomgå databehandleravtaler",
    "Opplæring av nyansatte",
    "Risikovurdering av fagsystemer",
    "Årlig gjennomgang av tilganger",
    "Revidere rutine for avvik",
    "Øvelse på informasjonssikkerhetshendelse",
    "Rapport til kommunestyret",
    "Kartlegge skytjenester",
    "Fungerande organisation för dataskydd",
    "Uppdatera registerförteckningen",
    "Utbildning för chefer",
    "Granska personuppgiftsbiträdesavtal",
    "Genomföra egenkontroll",
};

static const char *const notes[] = {
    "Finnes kommuneovergripende.",
    "Utsatt til neste kvartal.",
    "Ferdig i alle enheter unntatt to.",
    "Venter på leverandør.",
    "Klart i förvaltningarna.",
    "Pågår enligt plan.",
    "Behandlet i ledermøtet.",
};

/* ---- Records. */

/* Days ago, from today, for the fresh end of a record's life. */
static int
ago(const struct gen *gn, int lo, int hi, struct rng *g)
{
	return gn->today - rrange(g, lo, hi);
}

static const struct rec *
target(const struct gen *gn, enum gkind k, struct rng *g)
{
	if (gn->ntgt[k] == 0)
		return NULL;
	return &gn->r[gn->tgt[k][rbelow(g, gn->ntgt[k])]];
}

/* A list of n distinct usable record ids of kind k. */
static void
kv_refs(struct buf *b, const struct gen *gn, const char *key, enum gkind k,
    int n, struct rng *g, int dangling)
{
	const struct rec *seen[8];
	int i, j, m = 0;

	if (n > 8)
		n = 8;
	buf_printf(b, "%s: [", key);
	for (i = 0; i < n; i++) {
		const struct rec *t = target(gn, k, g);

		if (t == NULL)
			break;
		for (j = 0; j < m; j++)
			if (seen[j] == t)
				break;
		if (j < m)
			continue;
		seen[m++] = t;
		buf_printf(b, "%s%s", m > 1 ? ", " : "", t->id);
	}
	if (dangling)
		buf_printf(b, "%s%s-%d", m > 0 ? ", " : "",
		    k == G_DPA ? "DPA" : "REG", 900000 + rbelow(g, 99999));
	buf_puts(b, "]\n");
}

static int
is_nb(struct rng *g)
{
	return rpct(g, 70);
}

static void
emit_header(struct buf *b, struct rng *g)
{
	static const char *const comments[] = {
	    "Gjennomgått med systemansvarlig i forbindelse med årlig "
	    "revisjon.",
	    "Se også rutinebeskrivelsen i kvalitetssystemet (kapittel 5).",
	    "Oppdatert etter møte i informasjonssikkerhetsforum.",
	    "Uppdaterad efter revision av dokumenthanteringsplanen.",
	    "Opplysningene er hentet fra systemoversikten, vedlegg 3.",
	    "Personer er bare omtalt med saksnummer i arkivet.",
	    "Granskad av dataskyddsombudet vid den årliga egenkontrollen.",
	    "Endringer godkjennes av systemeier før de føres inn her.",
	};
	int i;

	if (rpct(g, 60))
		for (i = rrange(g, 1, 2); i > 0; i--)
			buf_printf(b, "# %s\n", PICK(g, comments));
}

static void
emit_register(struct buf *b, const struct gen *gn, const struct rec *r)
{
	struct rng g = rseed(r->seed, 1);
	int nb = is_nb(&g), nspecial = rpct(&g, 30) ? rrange(&g, 1, 2) : 0;
	int reviewed = ago(gn, 10, 330, &g) - 13 * (r->nver - r->ver), i;

	if (r->f == F_STALE)
		reviewed = gn->today - 700 - rbelow(&g, 200);
	emit_header(b, &g);
	if (r->f == F_FILENAME)
		buf_printf(b, "id: REG-X%s\n", r->id + 4);
	else
		buf_printf(b, "id: %s\n", r->id);
	buf_printf(b, "name: %s",
	    nb ? PICK(&g, activities_nb) : PICK(&g, activities_sv));
	if (rpct(&g, 60))
		buf_printf(b, " – %s %s", PICK(&g, places),
		    nb ? PICK(&g, units_nb) : PICK(&g, units_sv));
	buf_putc(b, '\n');
	if (r->f == F_DUPKEY)
		buf_puts(b, "name: Dobbelt navn\n");
	if (rpct(&g, 85))
		kv(b, 0, "system", PICK(&g, systems));
	if (r->f != F_MISSING) {
		buf_puts(b, "purpose: ");
		for (i = rrange(&g, 2, 4); i > 0; i--)
			buf_printf(b, "%s%s",
			    nb ? PICK(&g, purposes_nb) : PICK(&g, purposes_sv),
			    i > 1 ? ", " : "");
		if (rpct(&g, 40))
			buf_printf(b, " (%s)", PICK(&g, scopes));
		if (r->f == F_PERSONAL)
			buf_puts(b, ", oppfølging av 15819012382");
		buf_putc(b, '\n');
	}
	if (rpct(&g, 80))
		kv_flow(b, 0, "department", &g, departments, NELEM(departments),
		    rrange(&g, 1, 3));
	if (rpct(&g, 75))
		kv(b, 0, "system_owner", PICK(&g, roles));
	if (rpct(&g, 60))
		kv(b, 0, "system_responsible", PICK(&g, roles));
	if (nb) {
		kv_flow(b, 0, "data_subjects", &g, subjects_nb,
		    NELEM(subjects_nb), rrange(&g, 2, 4));
		kv_list(b, 0, "data_categories", &g, categories_nb,
		    NELEM(categories_nb), rrange(&g, 2, 7));
	} else {
		kv_flow(b, 0, "data_subjects", &g, subjects_sv,
		    NELEM(subjects_sv), rrange(&g, 2, 4));
		kv_list(b, 0, "data_categories", &g, categories_sv,
		    NELEM(categories_sv), rrange(&g, 2, 7));
	}
	if (nspecial > 0 || r->f == F_ART9)
		kv_flow(b, 0, "special_categories", &g, special, NELEM(special),
		    nspecial > 0 ? nspecial : 1);
	buf_puts(b, "legal_basis:\n");
	for (i = rrange(&g, 1, 2); i > 0; i--) {
		const char *basis = PICK(&g, bases), *law = PICK(&g, laws);

		if (rpct(&g, 50)) {
			buf_printf(b, "  - {basis: %s, reference: ", basis);
			put_scalar(b, law, 1);
			buf_puts(b, "}\n");
		} else {
			buf_printf(b, "  - basis: %s\n", basis);
			kv(b, 4, "reference", law);
		}
	}
	if (nspecial > 0 && r->f != F_ART9)
		kv(b, 0, "art9_condition", PICK(&g, art9));
	if (rpct(&g, 92))
		kv_flow(b, 0, "recipients", &g, recipients, NELEM(recipients),
		    rrange(&g, 1, 4));
	if (rpct(&g, 70) || r->f == F_DANGLING)
		kv_refs(b, gn, "processors", G_DPA, rrange(&g, 1, 3), &g,
		    r->f == F_DANGLING);
	if (rpct(&g, 10) || r->f == F_TRANSFER) {
		buf_puts(b, "transfers:\n");
		if (r->f == F_TRANSFER)
			buf_puts(b, "  - {country: US}\n");
		else
			buf_printf(b, "  - {country: US, safeguard: %s}\n",
			    rpct(&g, 80) ? "scc" : "adequacy");
	}
	kv(b, 0, "retention", PICK(&g, retentions));
	if (rpct(&g, 60))
		kv_block(b, 0, "security_measures", &g, measures_long,
		    NELEM(measures_long), rrange(&g, 2, 5));
	else
		kv_flow(b, 0, "security_measures", &g,
		    nb ? measures_nb : measures_sv,
		    nb ? NELEM(measures_nb) : NELEM(measures_sv),
		    rrange(&g, 1, 5));
	if (r->link >= 0)
		buf_printf(b, "dpia: %s\n", gn->r[r->link].id);
	else if (rpct(&g, 92))
		buf_puts(b, "dpia: not-required\n");
	if (rpct(&g, 85))
		kv_refs(b, gn, "ros", G_ROS, rrange(&g, 1, 2), &g, 0);
	if (rpct(&g, 40))
		buf_printf(
		    b, "status: %s\n", rpct(&g, 90) ? "active" : "planned");
	kv_date(b, 0, "reviewed", reviewed);
}

static void
emit_dpa(struct buf *b, const struct gen *gn, const struct rec *r)
{
	struct rng g = rseed(r->seed, 2);
	const struct party *p = &PICK(&g, processors);
	int signed_on = ago(gn, 200, 2500, &g), i, nsub;
	int status = r->good ? 0 : rrange(&g, 1, 2); /* signed, draft, term. */

	emit_header(b, &g);
	buf_printf(b, "id: %s\n", r->id);
	buf_printf(
	    b, "processor:\n  name: %s\n  country: %s\n", p->name, p->country);
	if (rpct(&g, 70))
		buf_printf(b, "  org_number: \"%09d\"\n",
		    rrange(&g, 810000000, 999999999));
	if (rpct(&g, 50))
		buf_puts(b, "  contact: kundesenter@example.com\n");
	kv_list(
	    b, 0, "services", &g, services, NELEM(services), rrange(&g, 1, 3));
	if (r->f == F_EXPIRED)
		status = 0;
	buf_printf(b, "status: %s\n",
	    status == 0       ? "signed"
	        : status == 1 ? "draft"
	                      : "terminated");
	if (status != 1 && r->f != F_MISSING)
		kv_date(b, 0, "signed", signed_on);
	if (r->f == F_EXPIRED)
		kv_date(b, 0, "expires", gn->today - rrange(&g, 10, 300));
	else if (rpct(&g, 40))
		kv_date(b, 0, "expires", gn->today + rrange(&g, 200, 1500));
	if (rpct(&g, 50) || r->nver > 0)
		kv_date(b, 0, "review_by",
		    gn->today + rrange(&g, 30, 400) - 30 * (r->nver - r->ver));
	if (rpct(&g, 80)) {
		buf_printf(b, "document: %d/%d", year_of(signed_on),
		    rrange(&g, 100, 9999));
		if (rpct(&g, 50))
			buf_printf(b, "-%d", rrange(&g, 1, 40));
		buf_putc(b, '\n');
	}
	nsub = rpct(&g, 60) ? rrange(&g, 1, 4) : 0;
	if (r->f == F_TRANSFER && nsub == 0)
		nsub = 1;
	if (nsub > 0)
		buf_puts(b, "subprocessors:\n");
	for (i = 0; i < nsub; i++) {
		const struct sub *s = &PICK(&g, subs);
		int eea = strcmp(s->country, "US") != 0 &&
		    strcmp(s->country, "IN") != 0;

		if (r->f == F_TRANSFER && i == 0) {
			buf_puts(b,
			    "  - {name: Example Support Inc, country: "
			    "US, service: support}\n");
			continue;
		}
		if (rpct(&g, 50)) {
			buf_printf(b,
			    "  - name: %s\n    country: %s\n"
			    "    service: %s\n",
			    s->name, s->country, s->service);
			if (!eea)
				buf_puts(b, "    safeguard: scc\n");
			if (rpct(&g, 60))
				kv_date(b, 4, "approved",
				    signed_on + rrange(&g, 0, 150));
			continue;
		}
		buf_printf(b, "  - {name: %s, country: %s, service: %s",
		    s->name, s->country, s->service);
		if (!eea)
			buf_puts(b, ", safeguard: scc");
		if (rpct(&g, 60)) {
			buf_puts(b, ", approved: ");
			put_date(b, signed_on + rrange(&g, 0, 150));
		}
		buf_puts(b, "}\n");
	}
}

/* A risk item list: ROS threats or DPIA risks. */
static void
emit_items(struct buf *b, const struct gen *gn, const char *key, int n,
    struct rng *g, int dupid, int high_residual)
{
	/*
	 * Risks above medium (score > 6) always get residual values, at most
	 * medium, except a few ROS threats whose measures are not enough yet.
	 * DPIA risks stay at most medium unless high_residual asks otherwise.
	 */
	int dpia = key[0] == 'r', i, j;

	buf_printf(b, "%s:\n", key);
	for (i = 0; i < n; i++) {
		int l = rrange(g, 1, 4), c = rrange(g, 1, 4), nm;

		buf_printf(b, "  - id: %c%d\n", key[0] == 't' ? 'T' : 'R',
		    dupid && i == n - 1 ? 1 : i + 1);
		kv(b, 4, "threat", PICK(g, threats));
		if (rpct(g, 70)) {
			buf_puts(b, "    cia: [");
			for (j = rrange(g, 1, 2); j > 0; j--)
				buf_printf(b, "%s%s", cia[(i + j) % 3],
				    j > 1 ? ", " : "");
			buf_puts(b, "]\n");
		}
		if (rpct(g, 70))
			kv(b, 4, "cause", PICK(g, causes));
		buf_printf(
		    b, "    likelihood: %d\n    consequence: %d\n", l, c);
		nm = l * c > 3 ? rrange(g, 1, 3) : rbelow(g, 2);
		if (nm > 0)
			buf_puts(b, "    measures:\n");
		for (j = 0; j < nm; j++) {
			buf_printf(b, "      - text: %s\n", PICK(g, rmeasures));
			if (rpct(g, 70))
				kv(b, 8, "owner", PICK(g, roles));
			if (rpct(g, 70))
				kv_date(b, 8, "due",
				    gn->today + rrange(g, -400, 300));
			buf_printf(b, "        done: %s\n",
			    rpct(g, 50) ? "true" : "false");
		}
		if (high_residual && i == 0)
			buf_puts(b,
			    "    residual_likelihood: 4\n"
			    "    residual_consequence: 4\n");
		else if (!dpia && l * c > 6 && rpct(g, 3))
			buf_printf(b,
			    "    residual_likelihood: %d\n"
			    "    residual_consequence: %d\n",
			    l, c);
		else if (rpct(g, 90) || dpia || l * c > 6)
			buf_printf(b,
			    "    residual_likelihood: %d\n"
			    "    residual_consequence: %d\n",
			    l > 2 ? l - 1 - rbelow(g, 2) : 1, c > 2 ? 2 : c);
	}
}

static void
emit_incident(struct buf *b, const struct gen *gn, const struct rec *r)
{
	struct rng g = rseed(r->seed, 3);
	int64_t disc =
	    (int64_t)r->date * 86400 + rrange(&g, 6 * 3600, 22 * 3600);
	int risk = rbelow(&g, 100), closed;

	risk = risk < 50 ? 0 : risk < 90 ? 1 : 2;
	if (r->f == F_LATE)
		risk = 1;
	if (r->f == F_SUBJECTS)
		risk = 2;
	emit_header(b, &g);
	buf_printf(b, "id: %s\n", r->id);
	kv(b, 0, "title", PICK(&g, inc_titles));
	buf_puts(b, "discovered: ");
	put_datetime(b, disc, rpct(&g, 70));
	buf_putc(b, '\n');
	if (rpct(&g, 60)) {
		buf_puts(b, "occurred: ");
		put_datetime(b, disc - rrange(&g, 600, 3 * 86400), 1);
		buf_putc(b, '\n');
	}
	buf_printf(b, "breach_type: [%s]\n",
	    rpct(&g, 75)       ? "confidentiality"
	        : rpct(&g, 50) ? "availability"
	                       : "confidentiality, integrity");
	if (r->f != F_MISSING)
		kv_text(b, "description", &g, inc_desc, NELEM(inc_desc),
		    rrange(&g, 3, 5));
	if (rpct(&g, 70))
		kv_flow(b, 0, "data_categories", &g, categories_nb,
		    NELEM(categories_nb), rrange(&g, 1, 3));
	if (rpct(&g, 20))
		buf_puts(b, "special_categories: [health]\n");
	buf_printf(b, "data_subjects_count: %d\n", rrange(&g, 1, 400));
	if (rpct(&g, 60) || r->nver > 0)
		buf_printf(
		    b, "records_count: %d\n", rrange(&g, 1, 2000) + 2 * r->ver);
	if (rpct(&g, 70))
		kv_text(b, "consequences", &g, inc_consequences,
		    NELEM(inc_consequences), rrange(&g, 1, 2));
	if (rpct(&g, 60))
		kv_block(b, 0, "measures", &g, inc_measures_long,
		    NELEM(inc_measures_long), rrange(&g, 2, 4));
	else
		kv_flow(b, 0, "measures", &g, inc_measures, NELEM(inc_measures),
		    rrange(&g, 1, 3));
	buf_printf(b, "risk: %s\n",
	    risk == 0       ? "none"
	        : risk == 1 ? "risk"
	                    : "high");
	if (rpct(&g, 70) || r->f == F_DANGLING)
		kv_refs(b, gn, "register", G_REG, rrange(&g, 1, 2), &g,
		    r->f == F_DANGLING);
	if (rpct(&g, 20)) {
		const struct rec *t = target(gn, G_DPA, &g);

		if (t != NULL)
			buf_printf(b, "processor: %s\n", t->id);
	}
	if (risk > 0) {
		int late = r->f == F_LATE;
		int64_t n = disc +
		    (late ? rrange(&g, 80, 200) : rrange(&g, 2, 70)) * 3600;

		buf_puts(b, "authority_notification:\n  notified: ");
		put_datetime(b, n, 1);
		buf_printf(b, "\n  reference: %s-%d-%d\n",
		    rpct(&g, 70) ? "DT" : "IMY", year_of(r->date),
		    rrange(&g, 100, 9999));
		if (!late && rpct(&g, 5))
			buf_puts(b, "  delay_reason: Opplysninger manglet\n");
	}
	if (risk == 2 && r->f != F_SUBJECTS) {
		buf_puts(b, "subject_notification:\n");
		if (rpct(&g, 80)) {
			buf_puts(b, "  notified: ");
			put_datetime(b, disc + rrange(&g, 5, 96) * 3600, 1);
			buf_putc(b, '\n');
		} else {
			buf_puts(b, "  exemption: encrypted\n");
		}
	}
	closed = r->date < gn->today - 60 || rpct(&g, 30);
	buf_printf(b, "status: %s\n", closed ? "closed" : "open");
	if (closed) {
		int day = r->date + rrange(&g, 1, 45);

		kv_date(b, 0, "closed", day < gn->today ? day : gn->today - 1);
	}
}

static void
emit_dpia(struct buf *b, const struct gen *gn, const struct rec *r)
{
	static const char *const crit[] = {
	    "evaluation_scoring",
	    "automated_decision",
	    "systematic_monitoring",
	    "sensitive_data",
	    "large_scale",
	    "matching_datasets",
	    "vulnerable_subjects",
	    "innovative_technology",
	    "prevents_rights",
	};
	struct rng g = rseed(r->seed, 4);
	int draft = rpct(&g, 15);
	int date = draft ? ago(gn, 5, 80, &g) : ago(gn, 30, 1500, &g), i;

	emit_header(b, &g);
	buf_printf(b, "id: %s\n", r->id);
	kv(b, 0, "title", PICK(&g, dpia_titles));
	if (r->link >= 0)
		buf_printf(b, "register: [%s]\n", gn->r[r->link].id);
	if (r->f != F_MISSING)
		kv_date(b, 0, "date", date);
	buf_puts(b, "screening:\n");
	for (i = 0; i < NELEM(crit); i++)
		buf_printf(
		    b, "  %s: %s\n", crit[i], rpct(&g, 35) ? "true" : "false");
	buf_printf(b, "description: %s\n", PICK(&g, inc_desc));
	if (rpct(&g, 80))
		buf_printf(b, "necessity: Behandlingen er nødvendig for %s.\n",
		    PICK(&g, purposes_nb));
	if (rpct(&g, 70))
		kv_date(b, 0, "dpo_consulted", date + rrange(&g, 1, 20));
	emit_items(b, gn, "risks", rrange(&g, 3, 8), &g, 0, r->f == F_PRIOR);
	buf_printf(b, "conclusion: %s\n",
	    rpct(&g, 70) ? "acceptable-with-measures" : "acceptable");
	buf_printf(b, "status: %s\n",
	    draft              ? "draft"
	        : rpct(&g, 60) ? "approved"
	                       : "completed");
	if (rpct(&g, 60) || r->nver > 0)
		kv_date(b, 0, "next_review",
		    date + 3 * 365 - 17 * (r->nver - r->ver));
}

static void
emit_ros(struct buf *b, const struct gen *gn, const struct rec *r)
{
	struct rng g = rseed(r->seed, 5);
	int date = ago(gn, 20, 1000, &g), i;

	emit_header(b, &g);
	buf_printf(b, "id: %s\n", r->id);
	buf_printf(b, "title: ROS %s – %s\n", PICK(&g, departments),
	    PICK(&g, systems));
	kv_date(b, 0, "date", date);
	if (rpct(&g, 70))
		buf_printf(b,
		    "scope: Vurderingen omfatter %s og tilhørende "
		    "integrasjoner.\n",
		    PICK(&g, systems));
	if (rpct(&g, 80))
		kv_flow(b, 0, "participants", &g, roles, NELEM(roles),
		    rrange(&g, 2, 5));
	if (rpct(&g, 70)) {
		buf_puts(b, "register: [");
		for (i = rrange(&g, 1, 3); i > 0; i--) {
			const struct rec *t = target(gn, G_REG, &g);

			if (t != NULL)
				buf_printf(b, "%s%s", t->id, i > 1 ? ", " : "");
		}
		buf_puts(b, "]\n");
	}
	emit_items(b, gn, "threats", rrange(&g, 5, 20), &g, r->f == F_DUPID, 0);
	if (r->f != F_MISSING)
		buf_printf(b, "status: %s\n", r->good ? "approved" : "draft");
	if (rpct(&g, 60) || r->nver > 0)
		kv_date(
		    b, 0, "next_review", date + 3 * 365 - (r->nver - r->ver));
}

static void
emit_request(struct buf *b, const struct gen *gn, const struct rec *r)
{
	static const char *const types[] = {
	    "access",
	    "access",
	    "access",
	    "erasure",
	    "rectification",
	    "restriction",
	    "portability",
	    "objection",
	};
	static const char *const outcomes[] = {
	    "granted",
	    "granted",
	    "partially-granted",
	    "refused",
	    "withdrawn",
	};
	struct rng g = rseed(r->seed, 6);
	int ext = rpct(&g, 8) || r->f == F_NOREASON;
	int limit = ext ? 88 : 29, answer;

	emit_header(b, &g);
	buf_printf(b, "id: %s\n", r->id);
	buf_printf(b, "type: %s\n", PICK(&g, types));
	kv_date(b, 0, "received", r->date);
	buf_printf(b, "case: %d/%d\n", year_of(r->date), rrange(&g, 100, 9999));
	if (rpct(&g, 60))
		kv_refs(b, gn, "register", G_REG, rrange(&g, 1, 2), &g, 0);
	kv_date(
	    b, 0, "identity_verified", r->date + 1 + ((r->nver - r->ver) & 1));
	if (ext) {
		buf_puts(b, "extended: true\n");
		if (r->f != F_NOREASON)
			buf_puts(b,
			    "extension_reason: Omfattende innsyn i "
			    "flere fagsystemer\n");
	} else if (rpct(&g, 50)) {
		buf_puts(b, "extended: false\n");
	}
	answer = r->f == F_OVERDUE ? limit + rrange(&g, 5, 40)
	                           : rrange(&g, 3, limit - 1);
	if (r->date + answer < gn->today) {
		kv_date(b, 0, "responded", r->date + answer);
		buf_printf(b, "outcome: %s\n", PICK(&g, outcomes));
	}
}

static void
emit_plan(struct buf *b, const struct gen *gn, const struct rec *r)
{
	static const char *const statuses[] = {
	    "not-started", "ongoing", "cancelled"};
	static const char *const prio[] = {"high", "normal", "low"};
	struct rng g = rseed(r->seed, 7);
	int y = r->year, start = days_from_civil(y, 1, 1);
	int ntask = rrange(&g, 15, 35), i, q;
	/* How far the year has come: past years are mostly done. */
	int progress = y < year_of(gn->today) - 1 ? 90
	    : y < year_of(gn->today)              ? 60
	                                          : 5;

	emit_header(b, &g);
	buf_printf(b, "id: %s\nyear: %d\nthemes:\n", r->id, y);
	for (q = 1; q <= 4; q++) {
		buf_printf(b, "  Q%d: [", q);
		for (i = rrange(&g, 1, 3); i > 0; i--)
			buf_printf(
			    b, "%s%s", PICK(&g, themes), i > 1 ? ", " : "");
		buf_puts(b, "]\n");
	}
	kv_flow(
	    b, 0, "continuous", &g, themes, NELEM(themes), rrange(&g, 1, 3));
	buf_puts(b, "tasks:\n");
	for (i = 0; i < ntask; i++) {
		int quarter = 1 + i * 4 / ntask;
		int done = rpct(&g, progress), pct;
		int shift = (r->nver - r->ver + i) / ntask;
		const char *st = done ? "done" : PICK(&g, statuses);

		if (done)
			pct = 100;
		else if (strcmp(st, "not-started") == 0)
			pct = 0;
		else
			pct = rrange(&g, 1, 9) * 10;

		if (r->f == F_PLAN && i == 1) {
			pct = 100;
			st = "ongoing";
		}
		buf_printf(
		    b, "  - id: T%02d\n    quarter: Q%d\n", i + 1, quarter);
		kv(b, 4, "title", PICK(&g, task_titles));
		if (rpct(&g, 80))
			buf_printf(b, "    priority: %s\n", PICK(&g, prio));
		buf_printf(b, "    status: %s\n", st);
		kv_date(b, 4, "date",
		    start + (quarter - 1) * 91 + rrange(&g, 10, 80) - shift);
		if (pct > 0)
			buf_printf(b, "    percent: %d\n", pct);
		if (rpct(&g, 70))
			kv(b, 4, "role", PICK(&g, roles));
		if (rpct(&g, 40))
			kv(b, 4, "notes", PICK(&g, notes));
	}
}

static void
emit_config(struct buf *b)
{
	buf_puts(b,
	    "# Benchmark kommune: generated records for tests/bench.\n"
	    "organisation:\n"
	    "  name: Benchmark kommune\n"
	    "  country: NO\n"
	    "  public_authority: true\n"
	    "controller: {name: Kommunedirektøren, contact: "
	    "postmottak@example.org}\n"
	    "dpo: {name: Personvernombudet, contact: "
	    "personvern@example.org}\n"
	    "locale: nb\n"
	    "deadlines:\n"
	    "  breach_notification_hours: 72\n"
	    "  request_response_months: 1\n"
	    "  request_extension_months: 2\n"
	    "  ros_max_age_years: 3\n"
	    "  review_max_age_months: 12\n"
	    "  dpa_expiry_warning_days: 90\n");
}

static void
emit(struct buf *b, const struct gen *gn, const struct rec *r)
{
	buf_reset(b);
	switch (r->k) {
	case G_REG:
		emit_register(b, gn, r);
		break;
	case G_DPA:
		emit_dpa(b, gn, r);
		break;
	case G_INC:
		emit_incident(b, gn, r);
		break;
	case G_DPIA:
		emit_dpia(b, gn, r);
		break;
	case G_ROS:
		emit_ros(b, gn, r);
		break;
	case G_REQ:
		emit_request(b, gn, r);
		break;
	case G_PLAN:
		emit_plan(b, gn, r);
		break;
	case G_NKIND:
		break;
	}
}

/* ---- The plan of the repository and its history. */

static enum finding
pick_finding(enum gkind k, struct rng *g)
{
	static const enum finding reg[] = {
	    F_MISSING,
	    F_DANGLING,
	    F_ART9,
	    F_TRANSFER,
	    F_PERSONAL,
	    F_DUPKEY,
	    F_STALE,
	    F_FILENAME,
	};
	static const enum finding dpa[] = {F_MISSING, F_EXPIRED, F_TRANSFER};
	static const enum finding inc[] = {
	    F_MISSING, F_LATE, F_SUBJECTS, F_DANGLING};
	static const enum finding dpia[] = {F_MISSING, F_PRIOR};
	static const enum finding ros[] = {F_DUPID, F_MISSING};
	static const enum finding req[] = {F_OVERDUE, F_NOREASON};

	switch (k) {
	case G_REG:
		return PICK(g, reg);
	case G_DPA:
		return PICK(g, dpa);
	case G_INC:
		return PICK(g, inc);
	case G_DPIA:
		return PICK(g, dpia);
	case G_ROS:
		return PICK(g, ros);
	case G_REQ:
		return PICK(g, req);
	default:
		return F_NONE;
	}
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
ndigits(int n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	/* At least three digits, like REG-001; ids of up to 10^7 records. */
	return d < 3 ? 3 : d > 7 ? 7 : d;
}

static const char *const kprefix[G_NKIND] = {
    "REG",
    "DPA",
    "INC",
    "DPIA",
    "ROS",
    "REQ",
    "PLAN",
};

/* Ids, dates, findings and reference targets of every record. */
static void
plan_records(struct gen *gn, struct rng *g)
{
	int nplan = LAST_Y - FIRST_Y + 2, rest = (int)gn->nrec - nplan;
	int k, i, n = 0, lo = days_from_civil(FIRST_Y, 1, 1);

	for (k = 0; k < G_NKIND - 1; k++) {
		gn->count[k] = rest * kshare[k] / 99;
		n += gn->count[k];
	}
	gn->count[G_REG] += rest - n;
	gn->count[G_PLAN] = nplan;
	gn->r = xcalloc((size_t)gn->nrec, sizeof(*gn->r));
	for (n = 0, k = 0; k < G_NKIND; k++) {
		gn->first[k] = n;
		n += gn->count[k];
	}
	for (k = 0; k < G_NKIND; k++) {
		int *dates = NULL, w = ndigits(gn->count[k]), seq = 0, prev = 0;

		if (k == G_INC || k == G_REQ) {
			dates = xcalloc((size_t)gn->count[k] + 1, sizeof(int));
			for (i = 0; i < gn->count[k]; i++)
				dates[i] = rrange(g, lo, gn->today - 5);
			qsort(
			    dates, (size_t)gn->count[k], sizeof(int), cmp_int);
		}
		for (i = 0; i < gn->count[k]; i++) {
			struct rec *r = &gn->r[gn->first[k] + i];

			r->k = (enum gkind)k;
			r->seed = rnext(g);
			r->link = -1;
			r->good = 1;
			if (k == G_DPA || k == G_ROS)
				r->good = rpct(g, 90);
			if (rbelow(g, 1000) < 25)
				r->f = pick_finding(r->k, g);
			if (dates != NULL) {
				int y = year_of(dates[i]);

				r->date = dates[i];
				seq = y == prev ? seq + 1 : 1;
				prev = y;
				snprintf(r->id, sizeof(r->id), "%s-%d-%04d",
				    kprefix[k], y, seq);
			} else if (k == G_PLAN) {
				r->year = FIRST_Y + i;
				snprintf(
				    r->id, sizeof(r->id), "PLAN-%d", r->year);
			} else {
				snprintf(r->id, sizeof(r->id), "%s-%0*d",
				    kprefix[k], w & 7, (i + 1) % 100000000);
			}
		}
		free(dates);
	}
	/* One plan with an inconsistent task, whatever the seed. */
	gn->r[gn->first[G_PLAN] + 3].f = F_PLAN;
}

static int64_t
epoch(int y, int m, int d, int hour, int offset_hours)
{
	return (int64_t)days_from_civil(y, m, d) * 86400 +
	    (hour - offset_hours) * 3600;
}

/* Commit times, which records are added when, and the edits. */
static void
plan_history(struct gen *gn, struct rng *g)
{
	int64_t t0 = epoch(FIRST_Y, 1, 6, 8, 1),
	        t1 = epoch(LAST_Y, 12, 19, 15, 1);
	long m = gn->ncommit, c, nlater, j, rest, nplan;
	int *pool, *born_at, i, k;
	size_t cap = 0, n = 0;

	gn->ctime = xcalloc((size_t)m, sizeof(*gn->ctime));
	for (c = 0; c < m; c++) {
		int64_t step = (t1 - t0) / (m - 1);

		gn->ctime[c] = t0 + (t1 - t0) * c / (m - 1) +
		    (c > 0 && c < m - 1 && step > 2
		            ? (int64_t)(rnext(g) % (uint64_t)(step / 2))
		            : 0);
	}
	/* Records added after the import: at most one a commit, at most
	 * half of them; the rest arrive in the first commit. */
	nplan = gn->count[G_PLAN];
	rest = gn->nrec - nplan;
	nlater = rest / 2 < m - 2 ? rest / 2 : m - 2;
	pool = xcalloc((size_t)rest, sizeof(*pool));
	for (i = 0; i < rest; i++)
		pool[i] = i;
	for (j = 0; j < nlater; j++) {
		long p = j + (long)(rnext(g) % (uint64_t)(rest - j));
		int t = pool[j];

		pool[j] = pool[p];
		pool[p] = t;
		gn->r[pool[j]].birth = (int)(1 + j * (m - 2) / nlater);
	}
	free(pool);
	for (i = 0; i < nplan; i++) {
		struct rec *r = &gn->r[gn->first[G_PLAN] + i];
		int64_t when = epoch(r->year - 1, 12, 1, 0, 1);

		for (c = 0; c < m - 1 && gn->ctime[c] < when; c++)
			;
		r->birth = (int)(c < m - 1 ? c : m - 2);
		if (r->birth < 0)
			r->birth = 0;
	}
	for (i = 0; i < gn->nrec; i++) {
		struct rec *r = &gn->r[i];

		r->usable = r->good && r->f == F_NONE && r->birth == 0;
	}
	/* Pair imported DPIAs with register entries that point back. */
	for (i = 0; i < gn->count[G_DPIA]; i++) {
		struct rec *d = &gn->r[gn->first[G_DPIA] + i];

		if (d->birth != 0)
			continue;
		for (j = 0; j < 20; j++) {
			struct rec *r = &gn->r[gn->first[G_REG] +
			    rbelow(g, gn->count[G_REG])];

			if (r->usable && r->link < 0) {
				r->link = (int)(d - gn->r);
				d->link = (int)(r - gn->r);
				break;
			}
		}
	}
	for (k = 0; k < G_NKIND; k++) {
		gn->tgt[k] = xcalloc((size_t)gn->count[k] + 1, sizeof(int));
		for (i = 0; i < gn->count[k]; i++)
			if (gn->r[gn->first[k] + i].usable)
				gn->tgt[k][gn->ntgt[k]++] = gn->first[k] + i;
	}
	/* The births of each commit, then edits up to 1..5 changes. */
	born_at = xcalloc((size_t)m + 1, sizeof(*born_at));
	for (i = 0; i < gn->nrec; i++)
		born_at[gn->r[i].birth]++;
	{
		/* Records by birth commit (counting sort). */
		int *start = xcalloc((size_t)m + 1, sizeof(*start));
		int *order = xcalloc((size_t)gn->nrec, sizeof(*order));

		for (c = 0; c < m; c++)
			start[c + 1] = start[c] + born_at[c];
		for (i = 0; i < gn->nrec; i++)
			order[start[gn->r[i].birth]++] = i;
		for (c = m - 1; c >= 0; c--)
			start[c + 1] = start[c];
		start[0] = 0;
		gn->off = xcalloc((size_t)m + 1, sizeof(*gn->off));
		for (c = 1; c < m; c++) {
			long want = c == m - 1 ? 1 : 1 + rbelow(g, 5), have = 0;
			int year = year_of((int)(gn->ctime[c] / 86400));

			gn->off[c] = n;
			for (j = start[c]; j < start[c + 1]; j++) {
				gn->chg = xgrow(
				    gn->chg, &cap, n + 1, sizeof(*gn->chg));
				gn->chg[n++] = order[j];
				have++;
			}
			while (have < want) {
				int pick, dup = 0;
				size_t q;

				if (c == m - 1 && gn->ntgt[G_REG] > 0)
					pick = gn->tgt[G_REG][rbelow(
					    g, gn->ntgt[G_REG])];
				else if (rpct(g, 20) && year >= FIRST_Y &&
				    year <= LAST_Y + 1)
					pick =
					    gn->first[G_PLAN] + year - FIRST_Y;
				else
					pick = rbelow(g, (int)gn->nrec);
				if (gn->r[pick].birth >= c)
					continue;
				for (q = gn->off[c]; q < n; q++)
					dup |= gn->chg[q] == pick;
				if (dup)
					continue;
				gn->chg = xgrow(
				    gn->chg, &cap, n + 1, sizeof(*gn->chg));
				gn->chg[n++] = pick;
				gn->r[pick].nver++;
				have++;
			}
		}
		gn->off[m] = n;
		gn->off[0] = 0;
		free(start);
		free(order);
	}
	free(born_at);
}

/* ---- Writing: git fast-import builds the history, git reset checks out. */

static int
wait_child(pid_t pid, const char *what)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "gen: waitpid: %s\n", strerror(errno));
			return -1;
		}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "gen: %s failed\n", what);
		return -1;
	}
	return 0;
}

/* Start argv; with in != NULL, *in is a stream to its standard input. */
static pid_t
spawn(char *const argv[], FILE **in)
{
	int fd[2] = {-1, -1};
	pid_t pid;

	if (in != NULL && pipe(fd) < 0) {
		fprintf(stderr, "gen: pipe: %s\n", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "gen: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (in != NULL) {
			dup2(fd[0], 0);
			close(fd[0]);
			close(fd[1]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "gen: cannot run %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	if (in != NULL) {
		close(fd[0]);
		*in = fdopen(fd[1], "w");
	}
	return pid;
}

static int
run(char *const argv[])
{
	pid_t pid = spawn(argv, NULL);

	return pid < 0 ? -1 : wait_child(pid, argv[0]);
}

static void
put_file(FILE *out, const char *path, const struct buf *b)
{
	fprintf(out, "M 100644 inline %s\ndata %zu\n", path, b->len);
	fwrite(b->ptr, 1, b->len, out);
	fputc('\n', out);
}

static void
put_record(FILE *out, struct gen *gn, struct buf *b, struct rec *r)
{
	char path[64];

	emit(b, gn, r);
	snprintf(path, sizeof(path), "%s/%s.yaml", kdir[r->k], r->id);
	put_file(out, path, b);
	if (r->ver == r->nver)
		gn->bytes += b->len;
}

static void
put_commit(FILE *out, const struct gen *gn, long c, const char *msg)
{
	static const char *const who[][2] = {
	    {"Personvernombudet", "personvern@example.org"},
	    {"Informasjonssikkerhetsleder", "infosik@example.org"},
	    {"Arkivleder", "arkiv@example.org"},
	    {"Dataskyddssamordnare", "dataskydd@example.org"},
	};
	struct rng g = rseed(gn->seed, 0x1000000u + (uint64_t)c);
	int w = rbelow(&g, NELEM(who)), off = cet_offset(gn->ctime[c]) / 60;

	fprintf(out, "commit refs/heads/main\n");
	fprintf(out, "author %s <%s> %" PRId64 " +%02d00\n", who[w][0],
	    who[w][1], gn->ctime[c], off);
	fprintf(out, "committer %s <%s> %" PRId64 " +%02d00\n", who[w][0],
	    who[w][1], gn->ctime[c], off);
	fprintf(out, "data %zu\n%s\n", strlen(msg), msg);
}

static int
write_history(struct gen *gn, const char *dir)
{
	char *init[] = {"git", "-c", "init.defaultBranch=main", "init", "-q",
	    (char *)dir, NULL};
	char *import[] = {
	    "git", "-C", (char *)dir, "fast-import", "--quiet", "--done", NULL};
	char *reset[] = {
	    "git", "-C", (char *)dir, "reset", "-q", "--hard", NULL};
	struct buf b = BUF_INIT, msg = BUF_INIT;
	FILE *out = NULL;
	long c, i;
	pid_t pid;
	size_t q;

	if (run(init) < 0)
		return -1;
	pid = spawn(import, &out);
	if (pid < 0 || out == NULL)
		return -1;
	buf_printf(&msg,
	    "Importer protokollene fra tidligere system\n\n"
	    "Alle behandlinger, avtaler, avvik og analyser "
	    "fra arkivet.\n");
	put_commit(out, gn, 0, msg.ptr);
	emit_config(&b);
	put_file(out, "gdprctl.yaml", &b);
	for (i = 0; i < gn->nrec; i++)
		if (gn->r[i].birth == 0)
			put_record(out, gn, &b, &gn->r[i]);
	for (c = 1; c < gn->ncommit; c++) {
		size_t n = gn->off[c + 1] - gn->off[c];
		const struct rec *first = &gn->r[gn->chg[gn->off[c]]];

		buf_reset(&msg);
		buf_printf(&msg, "%s %s",
		    first->birth == c ? "Legg til" : "Oppdater", first->id);
		if (n > 1)
			buf_printf(&msg, " og %zu til", n - 1);
		put_commit(out, gn, c, msg.ptr);
		for (q = gn->off[c]; q < gn->off[c + 1]; q++) {
			struct rec *r = &gn->r[gn->chg[q]];

			if (r->birth != c)
				r->ver++;
			put_record(out, gn, &b, r);
		}
	}
	fputs("done\n", out);
	buf_free(&b);
	buf_free(&msg);
	if (fclose(out) != 0) {
		fprintf(stderr, "gen: writing to git fast-import: %s\n",
		    strerror(errno));
		wait_child(pid, "git fast-import");
		return -1;
	}
	if (wait_child(pid, "git fast-import") < 0)
		return -1;
	return run(reset);
}

static void
usage(void)
{
	fputs(
	    "usage: gen --records N --commits M --seed S DIR\n"
	    "       gen --version\n"
	    "Write a records repository of N records with a git history of\n"
	    "M commits to DIR (which must not exist), deterministically from\n"
	    "the seed. Needs git on PATH.\n",
	    stderr);
}

static int
parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"records", required_argument, NULL, 'n'},
	    {"commits", required_argument, NULL, 'm'},
	    {"seed", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	struct gen gn = {0};
	struct rng g;
	struct stat st;
	long seed = -1, nfind = 0, later = 0, edits = 0;
	int ch, k, i;

	gn.nrec = -1;
	gn.ncommit = -1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		long *dst = ch == 'n' ? &gn.nrec
		    : ch == 'm'       ? &gn.ncommit
		                      : &seed;

		if (ch == 'h') {
			usage();
			return 0;
		}
		if (ch == 'V') {
			printf("gen %d\n", GEN_VERSION);
			return 0;
		}
		if (ch == '?' || parse_long(optarg, 0, 100000000, dst) < 0) {
			usage();
			return 2;
		}
	}
	if (optind != argc - 1 || gn.nrec < 0 || gn.ncommit < 0 || seed < 0) {
		usage();
		return 2;
	}
	if (gn.nrec < 100 || gn.ncommit < 3) {
		fputs("gen: need at least 100 records and 3 commits\n", stderr);
		return 2;
	}
	if (stat(argv[optind], &st) == 0) {
		fprintf(stderr, "gen: '%s' exists\n", argv[optind]);
		return 2;
	}
	gn.seed = (uint64_t)seed;
	gn.today = days_from_civil(TODAY_Y, TODAY_M, TODAY_D);
	g = rseed(gn.seed, 0);
	plan_records(&gn, &g);
	plan_history(&gn, &g);
	if (write_history(&gn, argv[optind]) < 0)
		return 1;
	for (i = 0; i < gn.nrec; i++) {
		gn.findings[gn.r[i].f]++;
		later += gn.r[i].birth > 0;
		edits += gn.r[i].nver;
	}
	for (k = 1; k < F_NFINDING; k++)
		nfind += gn.findings[k];
	printf("records %ld:", gn.nrec);
	for (k = 0; k < G_NKIND; k++)
		printf(" %s %d", kdir[k], gn.count[k]);
	printf("\nbytes %zu\n", gn.bytes);
	printf("commits %ld: the first imports %ld records, then %ld added "
	       "and %ld edits\n",
	    gn.ncommit, gn.nrec - later, later, edits);
	printf("deliberate findings %ld:", nfind);
	for (k = 1; k < F_NFINDING; k++)
		if (gn.findings[k] > 0)
			printf(" %s %ld", fname[k], gn.findings[k]);
	putchar('\n');
	for (k = 0; k < G_NKIND; k++)
		free(gn.tgt[k]);
	free(gn.r);
	free(gn.ctime);
	free(gn.chg);
	free(gn.off);
	return 0;
}
