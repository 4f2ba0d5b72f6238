--
-- PostgreSQL database dump
--

\restrict 3s525MBJstdbdviSRbFiVelEC58qFcs9P4k2zWOWeQCL0Yys04WJW6g7caB4PQk

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: legacy_79d07630; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA legacy;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: _migrations; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy._migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: article_bands; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.article_bands (
    band integer NOT NULL,
    key text NOT NULL,
    article_id text NOT NULL
);


--
-- Name: article_signatures; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.article_signatures (
    article_id text NOT NULL,
    signature bytea NOT NULL
);


--
-- Name: article_sources; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.article_sources (
    seq bigint NOT NULL,
    article_id text NOT NULL,
    kind text NOT NULL,
    location text NOT NULL,
    url text,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    similarity double precision
);


--
-- Name: article_sources_seq_seq; Type: SEQUENCE; Schema: legacy_79d07630; Owner: -
--

CREATE SEQUENCE legacy.article_sources_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: article_sources_seq_seq; Type: SEQUENCE OWNED BY; Schema: legacy_79d07630; Owner: -
--

ALTER SEQUENCE legacy.article_sources_seq_seq OWNED BY legacy.article_sources.seq;


--
-- Name: articles; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.articles (
    seq bigint NOT NULL,
    id text NOT NULL,
    url text,
    title text,
    site text,
    section text,
    authors text,
    published text,
    published_source text,
    language text,
    text text NOT NULL,
    record text NOT NULL,
    source_kind text NOT NULL,
    source_location text NOT NULL,
    ingested_at timestamp with time zone DEFAULT now() NOT NULL,
    fts tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, "left"(text, 500000)), 'B'::"char"))) STORED
);


--
-- Name: articles_seq_seq; Type: SEQUENCE; Schema: legacy_79d07630; Owner: -
--

CREATE SEQUENCE legacy.articles_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: articles_seq_seq; Type: SEQUENCE OWNED BY; Schema: legacy_79d07630; Owner: -
--

ALTER SEQUENCE legacy.articles_seq_seq OWNED BY legacy.articles.seq;


--
-- Name: batch_units; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.batch_units (
    key text NOT NULL,
    input text NOT NULL,
    documents integer NOT NULL,
    failed integer NOT NULL,
    finished_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: claim_sources; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.claim_sources (
    rowseq bigint NOT NULL,
    claim_id text NOT NULL,
    article_id text NOT NULL,
    quote_id text NOT NULL,
    speaker text,
    outlet text,
    date text,
    similarity double precision NOT NULL,
    text text NOT NULL
);


--
-- Name: claim_sources_rowseq_seq; Type: SEQUENCE; Schema: legacy_79d07630; Owner: -
--

CREATE SEQUENCE legacy.claim_sources_rowseq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: claim_sources_rowseq_seq; Type: SEQUENCE OWNED BY; Schema: legacy_79d07630; Owner: -
--

ALTER SEQUENCE legacy.claim_sources_rowseq_seq OWNED BY legacy.claim_sources.rowseq;


--
-- Name: claim_terms; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.claim_terms (
    term text NOT NULL,
    seq bigint NOT NULL,
    claim_id text NOT NULL
);


--
-- Name: claims; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.claims (
    id text NOT NULL,
    text text NOT NULL,
    first_article_id text NOT NULL,
    first_quote_id text,
    first_speaker text,
    first_date text,
    source_count integer NOT NULL,
    story_id text
);


--
-- Name: conflict_articles; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.conflict_articles (
    conflict_id text NOT NULL,
    article_id text NOT NULL
);


--
-- Name: conflicts; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.conflicts (
    rowseq bigint NOT NULL,
    id text NOT NULL,
    story_id text,
    topic text NOT NULL,
    evidence text NOT NULL,
    sides text NOT NULL,
    found_at text NOT NULL
);


--
-- Name: conflicts_rowseq_seq; Type: SEQUENCE; Schema: legacy_79d07630; Owner: -
--

CREATE SEQUENCE legacy.conflicts_rowseq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: conflicts_rowseq_seq; Type: SEQUENCE OWNED BY; Schema: legacy_79d07630; Owner: -
--

ALTER SEQUENCE legacy.conflicts_rowseq_seq OWNED BY legacy.conflicts.rowseq;


--
-- Name: entities; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.entities (
    article_id text NOT NULL,
    entity_id text NOT NULL,
    name text NOT NULL,
    label text NOT NULL,
    aliases text NOT NULL,
    mention_count integer NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.events (
    article_id text NOT NULL,
    event_id text NOT NULL,
    date text,
    text text NOT NULL,
    according_to text,
    quote_id text,
    start integer NOT NULL,
    "end" integer NOT NULL
);


--
-- Name: failures; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.failures (
    id bigint NOT NULL,
    input text NOT NULL,
    code text NOT NULL,
    message text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    resolved integer DEFAULT 0 NOT NULL
);


--
-- Name: failures_id_seq; Type: SEQUENCE; Schema: legacy_79d07630; Owner: -
--

CREATE SEQUENCE legacy.failures_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: failures_id_seq; Type: SEQUENCE OWNED BY; Schema: legacy_79d07630; Owner: -
--

ALTER SEQUENCE legacy.failures_id_seq OWNED BY legacy.failures.id;


--
-- Name: link_df; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_df (
    term text NOT NULL,
    df integer NOT NULL
);


--
-- Name: link_entities; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_entities (
    id text NOT NULL,
    name text NOT NULL,
    label text NOT NULL,
    aliases text NOT NULL,
    titles text NOT NULL,
    article_count integer NOT NULL,
    mention_count integer NOT NULL,
    first_date text,
    last_date text
);


--
-- Name: link_entity_keys; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_entity_keys (
    key text NOT NULL,
    entity_id text NOT NULL
);


--
-- Name: link_entity_members; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_entity_members (
    entity_id text NOT NULL,
    article_id text NOT NULL,
    surface text NOT NULL,
    mentions integer NOT NULL,
    confidence double precision NOT NULL,
    method text NOT NULL,
    title text
);


--
-- Name: link_meta; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_meta (
    key text NOT NULL,
    value bigint NOT NULL
);


--
-- Name: link_postings; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_postings (
    term text NOT NULL,
    day integer,
    seq bigint NOT NULL,
    article_id text NOT NULL
);


--
-- Name: link_terms; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.link_terms (
    article_id text NOT NULL,
    terms text NOT NULL,
    day integer
);


--
-- Name: quotes; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.quotes (
    article_id text NOT NULL,
    quote_id text NOT NULL,
    kind text NOT NULL,
    speaker text,
    speaker_kind text,
    speaker_text text,
    cue text NOT NULL,
    content text NOT NULL,
    channel text,
    via text NOT NULL,
    said_on text,
    start integer,
    "end" integer
);


--
-- Name: stories; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.stories (
    id text NOT NULL,
    title text NOT NULL,
    first_date text,
    last_date text,
    article_count integer NOT NULL,
    outlets text NOT NULL,
    updated_at text NOT NULL
);


--
-- Name: story_articles; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.story_articles (
    article_id text NOT NULL,
    story_id text NOT NULL,
    seq bigint NOT NULL,
    similarity double precision NOT NULL
);


--
-- Name: story_redirects; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.story_redirects (
    story_id text NOT NULL,
    into_id text NOT NULL,
    similarity double precision NOT NULL,
    merged_at text NOT NULL
);


--
-- Name: timexes; Type: TABLE; Schema: legacy_79d07630; Owner: -
--

CREATE TABLE legacy.timexes (
    article_id text NOT NULL,
    idx integer NOT NULL,
    text text NOT NULL,
    type text NOT NULL,
    value text,
    start integer NOT NULL,
    "end" integer NOT NULL
);


--
-- Name: article_sources seq; Type: DEFAULT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_sources ALTER COLUMN seq SET DEFAULT nextval('legacy.article_sources_seq_seq'::regclass);


--
-- Name: articles seq; Type: DEFAULT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.articles ALTER COLUMN seq SET DEFAULT nextval('legacy.articles_seq_seq'::regclass);


--
-- Name: claim_sources rowseq; Type: DEFAULT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claim_sources ALTER COLUMN rowseq SET DEFAULT nextval('legacy.claim_sources_rowseq_seq'::regclass);


--
-- Name: conflicts rowseq; Type: DEFAULT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.conflicts ALTER COLUMN rowseq SET DEFAULT nextval('legacy.conflicts_rowseq_seq'::regclass);


--
-- Name: failures id; Type: DEFAULT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.failures ALTER COLUMN id SET DEFAULT nextval('legacy.failures_id_seq'::regclass);


--
-- Data for Name: _migrations; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy._migrations VALUES (1, 'initial schema with tsvector + GIN search', '2026-12-01 22:21:00.313778+00');
INSERT INTO legacy._migrations VALUES (2, 'cross-document links: stories, claims, conflicts, entities', '2026-12-01 22:21:00.385839+00');
INSERT INTO legacy._migrations VALUES (20, 'batch work-unit completion markers', '2026-12-01 22:21:00.545943+00');
INSERT INTO legacy._migrations VALUES (40, 'near-copy detection: MinHash signatures and LSH band keys', '2026-12-01 22:21:00.558126+00');
INSERT INTO legacy._migrations VALUES (41, 'story merges: redirects from merged stories to the story they became', '2026-12-01 22:21:00.577783+00');


--
-- Data for Name: article_bands; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.article_bands VALUES (0, '30428566579db31d', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (1, '196e7f26895940ad', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (2, 'c084eef518137689', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (3, 'f6bb8ce2eb785232', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (4, 'afaee62ad47075b6', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (5, '8c74a80f62b48850', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (6, '2276dca34d1f83fa', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (7, '1833ae2bada81ac8', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (8, '0db1df090f2637c7', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (9, '789fd983ca081264', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (10, '70817973fbed443c', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (11, '206447349fde8f5b', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (12, '449218c607e14208', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (13, 'e30575dbb5704f1d', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (14, 'a680e28f36408410', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (15, '98ea2b6a3a9f39e4', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (16, '735dccb9e62917af', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (17, 'fe75e6f330b456c2', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (18, '2e75f72e92f4cad5', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (19, 'ec62a255d812a1c1', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (20, 'd4dadc78892e7716', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (21, '5ef61811f892e66b', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (22, '61b50320d5e7e682', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (23, 'b43c21f84f3c1ac8', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (24, 'f722e8631d2fd105', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (25, 'b738fad1349f94a9', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (26, '492de6091cb63908', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (27, 'b73f9abb2643d26b', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (28, '639e63c37524a48f', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (29, '4c593eb49a36eef8', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (30, '5ac32e75ab85f82b', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (31, '52de886a44097cbe', 'legacy0000000001');
INSERT INTO legacy.article_bands VALUES (0, '10a621ef0e76a2eb', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (1, '26c1f3ae0ccc1c05', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (2, '1463ea9e326169ae', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (3, 'caa71e2faba0e1a2', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (4, '34ee81e5d267c76b', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (5, '249fbfabbe483345', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (6, '392e16a879616f17', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (7, 'c60de9caafdc373d', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (8, 'a7da4ee4309a670e', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (9, '20c9c4ada6d8ff8e', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (10, 'bd924717d2a71798', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (11, '7343d4de4bfffcec', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (12, 'f46dc09a1b9c9cec', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (13, 'fc64e32e65eae7db', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (14, 'ee2352e20b236ab7', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (15, 'eda80aa08b74d037', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (16, 'acc163539a457d70', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (17, '30186263855eb7de', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (18, 'dbf9ea36b230795a', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (19, 'a77e69bf04149a25', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (20, '909cb53d8bad75e5', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (21, '7938b9288542df95', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (22, '69ca8d987c7cd3a4', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (23, '3d1e287a0d96f5b4', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (24, 'd14380ac05d02a10', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (25, '4ff382ac5ab68448', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (26, '7dd6449c73fe75cc', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (27, 'cff99bd7fd36a58d', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (28, '6563fe94345ec43e', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (29, 'da0884bb48ea1d62', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (30, '9b7c625b8b52a50e', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (31, '5d821f4adf5acc5f', 'legacy0000000002');
INSERT INTO legacy.article_bands VALUES (0, '1097c5d9614531e4', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (1, '481d625b8b57b039', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (2, 'e137c5c3294a560a', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (3, '3c59b3f80ecbff7a', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (4, '13860743312204cd', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (5, '3b00663f30fba02d', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (6, '54d5db566f107928', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (7, '08cc17e23b5268eb', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (8, '7a73ca9f1511f5ba', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (9, 'a3caecbed6ebd6fd', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (10, '1a07ff2eacaaae19', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (11, 'bcb815e76489917f', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (12, 'a58bd003d50244d0', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (13, '82e1b409f85a3112', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (14, '87629905f12bb426', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (15, 'fa2c394ca4227c81', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (16, 'b3bae7a975fa4720', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (17, '6a543e7fcb726573', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (18, '384c2a3927b1afda', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (19, '07c218336fe47a53', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (20, '694aeb76f945713f', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (21, 'ab9aa806083f6511', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (22, '66f527cf6a62b378', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (23, '05a098ddd3fe5586', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (24, 'f284f1fc9a3ac8ff', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (25, 'ce103678da86ae3a', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (26, '3544e894a3ad5df9', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (27, '9c18b10474dc503e', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (28, '8816fffd355d5ca8', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (29, '9762d5f8a4deaab0', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (30, 'ce1de8bb571b7fb8', 'legacy0000000003');
INSERT INTO legacy.article_bands VALUES (31, '711a39039a4dcd81', 'legacy0000000003');


--
-- Data for Name: article_signatures; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.article_signatures VALUES ('legacy0000000001', '\xd834d10316bcc704586ee401e7ff0c063771fa0259cae003d4fccc00416f330d0e441a0171e8ec0225e2830e6a333002e5e5b5025405f40c49bb790150085400337ce5015200ce046da9dc0349cef102c1cafa032266260153aa7400992ff0040756290193bddf0bba2971083a1b160140509f0446fa8c0896373301b6032905fada2f00a56ab100e4cd6100c188580417dca80808e4c107b5fd3908c55720016cf5740259627100a8e874028d9563018398f90465fc4f069a364103e6fd2b010e6d4a0142dc6d00bd05150824de3f031f580403b356ba04e848bf02a47d490169f7ae02d9affc010d792104523103021a3d82061e74eb00838ea203f736200009bfb100b541780192d4da0232535d047611f404da00100035bc690381765901a5a37c0019b2f302700d2c01d81397007ba8af008794770441e77603a44bca002d2ad809d5840505c99c4f02970ffd0595487702af31d805cf96aa001282670217186e0a74d2ed006e7f9a0001771901dd718c037eb7360015888405e0ff16019b9e900020e8640fdacf2401e627e102b3e71b01c60015001b083402c966f2015ded5304861bc2013858ab014b875902a7578700bece0b0012a1bc00a9e445024e2ed0017eb39200aadfa400c50d160a6b086a048e0132039fe868086bd22800cb808f0024d71703658015003b536400ac891502d8e4e004d7afc6048f7ab400');
INSERT INTO legacy.article_signatures VALUES ('legacy0000000002', '\xd834d103d8a9a70408749f021e8a05042c67910069748404ad30e502416f330d0e441a01718f450ced43eb0367a0d606a2b0ed01499ddc0e8b257e032e6e2700337ce5015200ce046da9dc03c394de03cb68a50c22662601eb9ad901a876990102e03b00be886001ba2971083a1b160152b4120746fa8c088b3f6b05b6032905fada2f00c75bbd00e4cd6100dc0e760231a89a00e691ab10df59aa00c55720012759f300596271008e2f8702e1ae97003d079e06d114d8049a364103e6fd2b010e6d4a017757a902d3139703b59b99001f580403def59100e848bf0283785c03a2a64f01de41c2042b0b0a07523103021a3d82061e74eb00a2222a07f736200061ec9206451a1b0192d4da0232535d047611f4043909660a35bc690381765901acc5d50219b2f302f31b9f025e2ba9074b7f6c05feb0b00725597d04a44bca0019a1de00e5ed330542c47305970ffd05954877021fd18a00d35a6f021282670230712f0774d2ed00b1009c0001771901b62a75017eb73600d199d70138f80b029b9e9000e4cc370ddacf2401e627e102892a3b025ef874011a722201c966f2015ded5304861bc2019a4d340173083401b2c888002537fe00f0b25403979d7c054e2ed001b7dd2600aadfa4005aef5100ff764905bb512600c2bf4b006bd228000784bb01fb1aca012d29ac0021d18201ac891502d1d535050274f00370863202');
INSERT INTO legacy.article_signatures VALUES ('legacy0000000003', '\x3260e9020eb2b3012fb27d0f5b853d0b732cc306ed522301606af90182c938092a8d01061c3fc0084f47560598542b02f0633303f75072023f0d13029076e1115de31c002e9a2503cd22d501c3764e01d80fc40344a22c018e1316038397770827f5631858937b06d88c3500ccd450007b871c0493679500f804b804d4512e010b963e0489e78203bc05c71143a210043f3f8601dfad8a0d43597602dcd4130b18fa850359627100a8a3ab014e009a153d079e060bce0f003c2407037c535f046bd9650189391f0b2683da08130c2c021f5804031456150b2ae5d70c06bef902fbc94201a83b1501cc49db0a349a2d011c0ff6021e74eb000679f200feb82a04bb122d004beb5505b0eb0b00935cd70088b4190373966d019758b100ad879d01fdd8190675f14102bee98e02838f150244ee6c01e03bd2012c466404a44bca0074d8000425ddf70133948603970ffd05fb97f6001b56f408f69ccf031282670220d6c7037e8f7e010d50a8007780290087323b00b1352203f5881b00a498f301264025016e71e105f24c6f0033c92501892a3b02fc70b30567257b09c966f2012b47a600861bc20107a8e005c3712004ca694c012537fe00c2a154009c8444074b80a304e5df71037bf34f0041c1df0077de8903701adc058fd3f701d02de704978f5000e0a56c075c426f043a52ff06b8b277023f31330908392500fb380100');


--
-- Data for Name: article_sources; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.article_sources VALUES (1, 'legacy0000000001', 'file', 'legacy-1.html', 'https://www.harbourtimes.example/news/1', '2026-12-01 22:21:00.583404+00', NULL);
INSERT INTO legacy.article_sources VALUES (2, 'legacy0000000002', 'file', 'legacy-2.html', 'https://www.coastnews.example/news/2', '2026-12-01 22:21:00.629803+00', NULL);
INSERT INTO legacy.article_sources VALUES (3, 'legacy0000000003', 'file', 'legacy-3.html', 'https://www.valleypost.example/news/3', '2026-12-01 22:21:00.629803+00', NULL);


--
-- Data for Name: articles; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.articles VALUES (1, 'legacy0000000001', 'https://www.harbourtimes.example/news/1', 'Storm closes Port Elmsby harbour', 'harbourtimes.example', NULL, '[]', '2025-03-02', 'meta', 'en', 'A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet. Mara Quillon, the harbour master, said the harbour would stay closed until the storm passed. Officials said the ferry would resume on Monday.', '{"schema": "newstrace.article/1", "id": "legacy0000000001", "source": {"kind": "file", "location": "legacy-1.html"}, "url": "https://www.harbourtimes.example/news/1", "title": "Storm closes Port Elmsby harbour", "site": "harbourtimes.example", "section": null, "authors": [], "published": "2025-03-02", "published_source": "meta", "published_raw": null, "language": "en", "text": "A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet. Mara Quillon, the harbour master, said the harbour would stay closed until the storm passed. Officials said the ferry would resume on Monday.", "images": [], "removed": [], "cites": [], "sentences": [], "entities": [{"id": "e1", "name": "Mara Quillon", "label": "PERSON", "aliases": ["Quillon"], "mentions": []}, {"id": "e2", "name": "Port Elmsby", "label": "PLACE", "aliases": [], "mentions": []}], "mentions": [], "quotes": [{"id": "q1", "kind": "indirect", "content": "the harbour would stay closed until the storm passed", "content_spans": [{"start": 121, "end": 173, "text": "the harbour would stay closed until the storm passed"}], "cue": "said", "cue_span": null, "speaker": {"text": "Mara Quillon", "name": "Mara Quillon", "kind": "person", "title": null, "entity_id": null, "span": null}, "channel": null, "channel_span": null, "via": [], "said_on": null, "said_on_timex": null}], "timexes": [], "events": [{"id": "ev1", "date": "2025-03-02", "text": "A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet.", "span": {"start": 0, "end": 81, "text": "A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet."}, "timex": null, "according_to": null, "quote_id": null}], "stages": [], "stages_missing": []}', 'file', 'legacy-1.html', '2026-12-01 22:21:00.583404+00', DEFAULT);
INSERT INTO legacy.articles VALUES (2, 'legacy0000000002', 'https://www.coastnews.example/news/2', 'Port Elmsby harbour stays shut after storm', 'coastnews.example', NULL, '[]', '2025-03-03', 'meta', 'en', 'The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet. Mara Quillon, the harbour master, said the harbour would reopen once the storm passed. Officials said the ferry would resume on Monday.', '{"schema": "newstrace.article/1", "id": "legacy0000000002", "source": {"kind": "file", "location": "legacy-2.html"}, "url": "https://www.coastnews.example/news/2", "title": "Port Elmsby harbour stays shut after storm", "site": "coastnews.example", "section": null, "authors": [], "published": "2025-03-03", "published_source": "meta", "published_raw": null, "language": "en", "text": "The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet. Mara Quillon, the harbour master, said the harbour would reopen once the storm passed. Officials said the ferry would resume on Monday.", "images": [], "removed": [], "cites": [], "sentences": [], "entities": [{"id": "e1", "name": "Mara Quillon", "label": "PERSON", "aliases": ["Quillon"], "mentions": []}, {"id": "e2", "name": "Port Elmsby", "label": "PLACE", "aliases": [], "mentions": []}], "mentions": [], "quotes": [{"id": "q1", "kind": "indirect", "content": "the harbour would reopen once the storm passed", "content_spans": [{"start": 130, "end": 176, "text": "the harbour would reopen once the storm passed"}], "cue": "said", "cue_span": null, "speaker": {"text": "Mara Quillon", "name": "Mara Quillon", "kind": "person", "title": null, "entity_id": null, "span": null}, "channel": null, "channel_span": null, "via": [], "said_on": null, "said_on_timex": null}], "timexes": [], "events": [{"id": "ev1", "date": "2025-03-03", "text": "The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet.", "span": {"start": 0, "end": 90, "text": "The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet."}, "timex": null, "according_to": null, "quote_id": null}], "stages": [], "stages_missing": []}', 'file', 'legacy-2.html', '2026-12-01 22:21:00.629803+00', DEFAULT);
INSERT INTO legacy.articles VALUES (3, 'legacy0000000003', 'https://www.valleypost.example/news/3', 'Orchard growers expect early harvest', 'valleypost.example', NULL, '[]', '2025-06-10', 'meta', 'en', 'Apple growers in the valley expect the earliest harvest in a decade after a warm spring. Tobin Arkwright, the harbour master, said the warm spring brought the blossom forward by three weeks. Officials said the ferry would resume on Monday.', '{"schema": "newstrace.article/1", "id": "legacy0000000003", "source": {"kind": "file", "location": "legacy-3.html"}, "url": "https://www.valleypost.example/news/3", "title": "Orchard growers expect early harvest", "site": "valleypost.example", "section": null, "authors": [], "published": "2025-06-10", "published_source": "meta", "published_raw": null, "language": "en", "text": "Apple growers in the valley expect the earliest harvest in a decade after a warm spring. Tobin Arkwright, the harbour master, said the warm spring brought the blossom forward by three weeks. Officials said the ferry would resume on Monday.", "images": [], "removed": [], "cites": [], "sentences": [], "entities": [{"id": "e1", "name": "Tobin Arkwright", "label": "PERSON", "aliases": ["Arkwright"], "mentions": []}, {"id": "e2", "name": "Port Elmsby", "label": "PLACE", "aliases": [], "mentions": []}], "mentions": [], "quotes": [{"id": "q1", "kind": "indirect", "content": "the warm spring brought the blossom forward by three weeks", "content_spans": [{"start": 131, "end": 189, "text": "the warm spring brought the blossom forward by three weeks"}], "cue": "said", "cue_span": null, "speaker": {"text": "Tobin Arkwright", "name": "Tobin Arkwright", "kind": "person", "title": null, "entity_id": null, "span": null}, "channel": null, "channel_span": null, "via": [], "said_on": null, "said_on_timex": null}], "timexes": [], "events": [{"id": "ev1", "date": "2025-06-10", "text": "Apple growers in the valley expect the earliest harvest in a decade after a warm spring.", "span": {"start": 0, "end": 88, "text": "Apple growers in the valley expect the earliest harvest in a decade after a warm spring."}, "timex": null, "according_to": null, "quote_id": null}], "stages": [], "stages_missing": []}', 'file', 'legacy-3.html', '2026-12-01 22:21:00.629803+00', DEFAULT);


--
-- Data for Name: batch_units; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.batch_units VALUES ('unit-1', 'batch.warc.gz', 3, 1, '2026-12-01 22:21:00.629803+00');


--
-- Data for Name: claim_sources; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.claim_sources VALUES (1, 'cl1ac07e9d7b', 'legacy0000000001', 'q1', 'Mara Quillon', 'harbourtimes.example', '2025-03-02', 1, 'the harbour would stay closed until the storm passed');
INSERT INTO legacy.claim_sources VALUES (2, 'cl1ac07e9d7b', 'legacy0000000002', 'q1', 'Mara Quillon', 'coastnews.example', '2025-03-03', 0.676, 'the harbour would reopen once the storm passed');
INSERT INTO legacy.claim_sources VALUES (3, 'cl88d9a4457e', 'legacy0000000003', 'q1', 'Tobin Arkwright', 'valleypost.example', '2025-06-10', 1, 'the warm spring brought the blossom forward by three weeks');


--
-- Data for Name: claim_terms; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.claim_terms VALUES ('pass', 1, 'cl1ac07e9d7b');
INSERT INTO legacy.claim_terms VALUES ('harbour', 1, 'cl1ac07e9d7b');
INSERT INTO legacy.claim_terms VALUES ('clos', 1, 'cl1ac07e9d7b');
INSERT INTO legacy.claim_terms VALUES ('storm', 1, 'cl1ac07e9d7b');
INSERT INTO legacy.claim_terms VALUES ('stay', 1, 'cl1ac07e9d7b');
INSERT INTO legacy.claim_terms VALUES ('warm', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('brought', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('three', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('spr', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('forward', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('week', 2, 'cl88d9a4457e');
INSERT INTO legacy.claim_terms VALUES ('blossom', 2, 'cl88d9a4457e');


--
-- Data for Name: claims; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.claims VALUES ('cl1ac07e9d7b', 'the harbour would stay closed until the storm passed', 'legacy0000000001', 'q1', 'Mara Quillon', '2025-03-02', 2, 'st000001');
INSERT INTO legacy.claims VALUES ('cl88d9a4457e', 'the warm spring brought the blossom forward by three weeks', 'legacy0000000003', 'q1', 'Tobin Arkwright', '2025-06-10', 1, 'st000002');


--
-- Data for Name: conflict_articles; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--



--
-- Data for Name: conflicts; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--



--
-- Data for Name: entities; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.entities VALUES ('legacy0000000001', 'e1', 'Mara Quillon', 'PERSON', '["Quillon"]', 0);
INSERT INTO legacy.entities VALUES ('legacy0000000001', 'e2', 'Port Elmsby', 'PLACE', '[]', 0);
INSERT INTO legacy.entities VALUES ('legacy0000000002', 'e1', 'Mara Quillon', 'PERSON', '["Quillon"]', 0);
INSERT INTO legacy.entities VALUES ('legacy0000000002', 'e2', 'Port Elmsby', 'PLACE', '[]', 0);
INSERT INTO legacy.entities VALUES ('legacy0000000003', 'e1', 'Tobin Arkwright', 'PERSON', '["Arkwright"]', 0);
INSERT INTO legacy.entities VALUES ('legacy0000000003', 'e2', 'Port Elmsby', 'PLACE', '[]', 0);


--
-- Data for Name: events; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.events VALUES ('legacy0000000001', 'ev1', '2025-03-02', 'A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet.', NULL, NULL, 0, 81);
INSERT INTO legacy.events VALUES ('legacy0000000002', 'ev1', '2025-03-03', 'The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet.', NULL, NULL, 0, 90);
INSERT INTO legacy.events VALUES ('legacy0000000003', 'ev1', '2025-06-10', 'Apple growers in the valley expect the earliest harvest in a decade after a warm spring.', NULL, NULL, 0, 88);


--
-- Data for Name: failures; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.failures VALUES (1, 'broken.html', 'E_EXTRACT', 'no article text found', '2026-12-01 22:21:00.625769+00', 0);
INSERT INTO legacy.failures VALUES (2, 'empty.txt', 'E_EMPTY', 'is empty', '2026-12-01 22:21:00.629803+00', 0);


--
-- Data for Name: link_df; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_df VALUES ('clos', 1);
INSERT INTO legacy.link_df VALUES ('sunday', 1);
INSERT INTO legacy.link_df VALUES ('elmsby', 2);
INSERT INTO legacy.link_df VALUES ('fleet', 2);
INSERT INTO legacy.link_df VALUES ('mara', 2);
INSERT INTO legacy.link_df VALUES ('pass', 2);
INSERT INTO legacy.link_df VALUES ('port', 2);
INSERT INTO legacy.link_df VALUES ('quillon', 2);
INSERT INTO legacy.link_df VALUES ('reopen', 1);
INSERT INTO legacy.link_df VALUES ('shut', 1);
INSERT INTO legacy.link_df VALUES ('stay', 2);
INSERT INTO legacy.link_df VALUES ('storm', 2);
INSERT INTO legacy.link_df VALUES ('strand', 2);
INSERT INTO legacy.link_df VALUES ('apple', 1);
INSERT INTO legacy.link_df VALUES ('arkwright', 1);
INSERT INTO legacy.link_df VALUES ('blossom', 1);
INSERT INTO legacy.link_df VALUES ('brought', 1);
INSERT INTO legacy.link_df VALUES ('decade', 1);
INSERT INTO legacy.link_df VALUES ('ear', 1);
INSERT INTO legacy.link_df VALUES ('earli', 1);
INSERT INTO legacy.link_df VALUES ('expect', 1);
INSERT INTO legacy.link_df VALUES ('ferry', 3);
INSERT INTO legacy.link_df VALUES ('forward', 1);
INSERT INTO legacy.link_df VALUES ('grow', 1);
INSERT INTO legacy.link_df VALUES ('harbour', 3);
INSERT INTO legacy.link_df VALUES ('harv', 1);
INSERT INTO legacy.link_df VALUES ('mast', 3);
INSERT INTO legacy.link_df VALUES ('monday', 3);
INSERT INTO legacy.link_df VALUES ('official', 3);
INSERT INTO legacy.link_df VALUES ('orchard', 1);
INSERT INTO legacy.link_df VALUES ('resume', 3);
INSERT INTO legacy.link_df VALUES ('spr', 1);
INSERT INTO legacy.link_df VALUES ('three', 1);
INSERT INTO legacy.link_df VALUES ('tobin', 1);
INSERT INTO legacy.link_df VALUES ('valley', 1);
INSERT INTO legacy.link_df VALUES ('warm', 1);
INSERT INTO legacy.link_df VALUES ('week', 1);


--
-- Data for Name: link_entities; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_entities VALUES ('en000001', 'Mara Quillon', 'PERSON', '["Quillon"]', '[]', 2, 2, '2025-03-02', '2025-03-03');
INSERT INTO legacy.link_entities VALUES ('en000003', 'Tobin Arkwright', 'PERSON', '["Arkwright"]', '[]', 1, 1, '2025-06-10', '2025-06-10');
INSERT INTO legacy.link_entities VALUES ('en000002', 'Port Elmsby', 'PLACE', '[]', '[]', 3, 3, '2025-03-02', '2025-06-10');


--
-- Data for Name: link_entity_keys; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_entity_keys VALUES ('full:mara quillon', 'en000001');
INSERT INTO legacy.link_entity_keys VALUES ('last:quillon', 'en000001');
INSERT INTO legacy.link_entity_keys VALUES ('place:port elmsby', 'en000002');
INSERT INTO legacy.link_entity_keys VALUES ('acr:PE', 'en000002');
INSERT INTO legacy.link_entity_keys VALUES ('full:tobin arkwright', 'en000003');
INSERT INTO legacy.link_entity_keys VALUES ('last:arkwright', 'en000003');


--
-- Data for Name: link_entity_members; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_entity_members VALUES ('en000001', 'legacy0000000001', 'Mara Quillon', 1, 1, 'new', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000001', 'legacy0000000001', 'Quillon', 0, 1, 'new', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000002', 'legacy0000000001', 'Port Elmsby', 1, 1, 'new', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000001', 'legacy0000000002', 'Mara Quillon', 1, 1, 'full', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000001', 'legacy0000000002', 'Quillon', 0, 1, 'full', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000002', 'legacy0000000002', 'Port Elmsby', 1, 1, 'alias', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000003', 'legacy0000000003', 'Tobin Arkwright', 1, 1, 'new', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000003', 'legacy0000000003', 'Arkwright', 0, 1, 'new', NULL);
INSERT INTO legacy.link_entity_members VALUES ('en000002', 'legacy0000000003', 'Port Elmsby', 1, 1, 'alias', NULL);


--
-- Data for Name: link_meta; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_meta VALUES ('entities', 3);
INSERT INTO legacy.link_meta VALUES ('docs', 3);
INSERT INTO legacy.link_meta VALUES ('stories', 2);
INSERT INTO legacy.link_meta VALUES ('story_seq', 3);
INSERT INTO legacy.link_meta VALUES ('claims', 2);


--
-- Data for Name: link_postings; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_postings VALUES ('storm', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('clos', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('port', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('elmsby', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('harbour', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('sunday', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('strand', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('ferry', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('fleet', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('mara', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('quillon', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('mast', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('stay', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('pass', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('official', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('resume', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('monday', 739312, 1, 'legacy0000000001');
INSERT INTO legacy.link_postings VALUES ('port', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('elmsby', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('harbour', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('stay', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('shut', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('storm', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('monday', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('strand', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('ferry', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('fleet', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('mara', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('quillon', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('mast', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('reopen', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('pass', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('official', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('resume', 739313, 2, 'legacy0000000002');
INSERT INTO legacy.link_postings VALUES ('orchard', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('grow', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('expect', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('ear', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('harv', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('apple', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('valley', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('earli', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('decade', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('warm', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('spr', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('tobin', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('arkwright', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('harbour', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('mast', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('brought', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('blossom', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('forward', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('three', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('week', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('official', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('ferry', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('resume', 739412, 3, 'legacy0000000003');
INSERT INTO legacy.link_postings VALUES ('monday', 739412, 3, 'legacy0000000003');


--
-- Data for Name: link_terms; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.link_terms VALUES ('legacy0000000001', '{"storm": 3.0, "clos": 3.0, "port": 4.0, "elmsby": 4.0, "harbour": 4.0, "sunday": 2.0, "strand": 1.0, "ferry": 2.0, "fleet": 1.0, "mara": 1.0, "quillon": 2.0, "mast": 1.0, "stay": 1.0, "pass": 1.0, "official": 1.0, "resume": 1.0, "monday": 2.0}', 739312);
INSERT INTO legacy.link_terms VALUES ('legacy0000000002', '{"port": 3.0, "elmsby": 4.0, "harbour": 4.0, "stay": 2.0, "shut": 2.0, "storm": 3.0, "monday": 4.0, "strand": 1.0, "ferry": 2.0, "fleet": 1.0, "mara": 1.0, "quillon": 2.0, "mast": 1.0, "reopen": 1.0, "pass": 1.0, "official": 1.0, "resume": 1.0}', 739313);
INSERT INTO legacy.link_terms VALUES ('legacy0000000003', '{"orchard": 1.0, "grow": 2.0, "expect": 2.0, "ear": 1.0, "harv": 2.0, "apple": 1.0, "valley": 1.0, "earli": 1.0, "decade": 1.0, "warm": 2.0, "spr": 2.0, "tobin": 1.0, "arkwright": 2.0, "harbour": 1.0, "mast": 1.0, "brought": 1.0, "blossom": 1.0, "forward": 1.0, "three": 1.0, "week": 1.0, "official": 1.0, "ferry": 1.0, "resume": 1.0, "monday": 2.0}', 739412);


--
-- Data for Name: quotes; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.quotes VALUES ('legacy0000000001', 'q1', 'indirect', 'Mara Quillon', 'person', 'Mara Quillon', 'said', 'the harbour would stay closed until the storm passed', NULL, '[]', NULL, 121, 173);
INSERT INTO legacy.quotes VALUES ('legacy0000000002', 'q1', 'indirect', 'Mara Quillon', 'person', 'Mara Quillon', 'said', 'the harbour would reopen once the storm passed', NULL, '[]', NULL, 130, 176);
INSERT INTO legacy.quotes VALUES ('legacy0000000003', 'q1', 'indirect', 'Tobin Arkwright', 'person', 'Tobin Arkwright', 'said', 'the warm spring brought the blossom forward by three weeks', NULL, '[]', NULL, 131, 189);


--
-- Data for Name: stories; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.stories VALUES ('st000001', 'Storm closes Port Elmsby harbour', '2025-03-02', '2025-03-03', 2, '["harbourtimes.example", "coastnews.example"]', '2026-12-01');
INSERT INTO legacy.stories VALUES ('st000002', 'Orchard growers expect early harvest', '2025-06-10', '2025-06-10', 1, '["valleypost.example"]', '2026-12-01');


--
-- Data for Name: story_articles; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--

INSERT INTO legacy.story_articles VALUES ('legacy0000000001', 'st000001', 1, 0);
INSERT INTO legacy.story_articles VALUES ('legacy0000000002', 'st000001', 2, 0.7558870550017258);
INSERT INTO legacy.story_articles VALUES ('legacy0000000003', 'st000002', 3, 0);


--
-- Data for Name: story_redirects; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--



--
-- Data for Name: timexes; Type: TABLE DATA; Schema: legacy_79d07630; Owner: -
--



--
-- Name: article_sources_seq_seq; Type: SEQUENCE SET; Schema: legacy_79d07630; Owner: -
--

SELECT pg_catalog.setval('legacy.article_sources_seq_seq', 3, true);


--
-- Name: articles_seq_seq; Type: SEQUENCE SET; Schema: legacy_79d07630; Owner: -
--

SELECT pg_catalog.setval('legacy.articles_seq_seq', 3, true);


--
-- Name: claim_sources_rowseq_seq; Type: SEQUENCE SET; Schema: legacy_79d07630; Owner: -
--

SELECT pg_catalog.setval('legacy.claim_sources_rowseq_seq', 3, true);


--
-- Name: conflicts_rowseq_seq; Type: SEQUENCE SET; Schema: legacy_79d07630; Owner: -
--

SELECT pg_catalog.setval('legacy.conflicts_rowseq_seq', 1, false);


--
-- Name: failures_id_seq; Type: SEQUENCE SET; Schema: legacy_79d07630; Owner: -
--

SELECT pg_catalog.setval('legacy.failures_id_seq', 2, true);


--
-- Name: _migrations _migrations_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy._migrations
    ADD CONSTRAINT _migrations_pkey PRIMARY KEY (version);


--
-- Name: article_bands article_bands_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_bands
    ADD CONSTRAINT article_bands_pkey PRIMARY KEY (band, key, article_id);


--
-- Name: article_signatures article_signatures_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_signatures
    ADD CONSTRAINT article_signatures_pkey PRIMARY KEY (article_id);


--
-- Name: article_sources article_sources_article_id_kind_location_key; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_sources
    ADD CONSTRAINT article_sources_article_id_kind_location_key UNIQUE (article_id, kind, location);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);


--
-- Name: articles articles_seq_key; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.articles
    ADD CONSTRAINT articles_seq_key UNIQUE (seq);


--
-- Name: batch_units batch_units_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.batch_units
    ADD CONSTRAINT batch_units_pkey PRIMARY KEY (key);


--
-- Name: claim_sources claim_sources_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claim_sources
    ADD CONSTRAINT claim_sources_pkey PRIMARY KEY (article_id, quote_id);


--
-- Name: claim_terms claim_terms_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claim_terms
    ADD CONSTRAINT claim_terms_pkey PRIMARY KEY (term, seq);


--
-- Name: claims claims_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claims
    ADD CONSTRAINT claims_pkey PRIMARY KEY (id);


--
-- Name: conflict_articles conflict_articles_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.conflict_articles
    ADD CONSTRAINT conflict_articles_pkey PRIMARY KEY (conflict_id, article_id);


--
-- Name: conflicts conflicts_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.conflicts
    ADD CONSTRAINT conflicts_pkey PRIMARY KEY (id);


--
-- Name: entities entities_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.entities
    ADD CONSTRAINT entities_pkey PRIMARY KEY (article_id, entity_id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (article_id, event_id);


--
-- Name: failures failures_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.failures
    ADD CONSTRAINT failures_pkey PRIMARY KEY (id);


--
-- Name: link_df link_df_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_df
    ADD CONSTRAINT link_df_pkey PRIMARY KEY (term);


--
-- Name: link_entities link_entities_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_entities
    ADD CONSTRAINT link_entities_pkey PRIMARY KEY (id);


--
-- Name: link_entity_keys link_entity_keys_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_entity_keys
    ADD CONSTRAINT link_entity_keys_pkey PRIMARY KEY (key, entity_id);


--
-- Name: link_entity_members link_entity_members_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_entity_members
    ADD CONSTRAINT link_entity_members_pkey PRIMARY KEY (article_id, surface);


--
-- Name: link_meta link_meta_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_meta
    ADD CONSTRAINT link_meta_pkey PRIMARY KEY (key);


--
-- Name: link_postings link_postings_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_postings
    ADD CONSTRAINT link_postings_pkey PRIMARY KEY (term, seq);


--
-- Name: link_terms link_terms_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_terms
    ADD CONSTRAINT link_terms_pkey PRIMARY KEY (article_id);


--
-- Name: quotes quotes_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.quotes
    ADD CONSTRAINT quotes_pkey PRIMARY KEY (article_id, quote_id);


--
-- Name: stories stories_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.stories
    ADD CONSTRAINT stories_pkey PRIMARY KEY (id);


--
-- Name: story_articles story_articles_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.story_articles
    ADD CONSTRAINT story_articles_pkey PRIMARY KEY (article_id);


--
-- Name: story_redirects story_redirects_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.story_redirects
    ADD CONSTRAINT story_redirects_pkey PRIMARY KEY (story_id);


--
-- Name: timexes timexes_pkey; Type: CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.timexes
    ADD CONSTRAINT timexes_pkey PRIMARY KEY (article_id, idx);


--
-- Name: idx_articles_fts; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_articles_fts ON legacy.articles USING gin (fts);


--
-- Name: idx_articles_published; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_articles_published ON legacy.articles USING btree (published NULLS FIRST, seq);


--
-- Name: idx_claim_sources_claim; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_claim_sources_claim ON legacy.claim_sources USING btree (claim_id);


--
-- Name: idx_claims_story; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_claims_story ON legacy.claims USING btree (story_id);


--
-- Name: idx_conflicts_story; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_conflicts_story ON legacy.conflicts USING btree (story_id);


--
-- Name: idx_entities_name; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_entities_name ON legacy.entities USING btree (name);


--
-- Name: idx_events_date; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_events_date ON legacy.events USING btree (date);


--
-- Name: idx_failures_input; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_failures_input ON legacy.failures USING btree (input);


--
-- Name: idx_failures_unresolved; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_failures_unresolved ON legacy.failures USING btree (resolved, input);


--
-- Name: idx_link_entities_name; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_link_entities_name ON legacy.link_entities USING btree (name);


--
-- Name: idx_link_entity_members_entity; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_link_entity_members_entity ON legacy.link_entity_members USING btree (entity_id);


--
-- Name: idx_quotes_speaker; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_quotes_speaker ON legacy.quotes USING btree (speaker);


--
-- Name: idx_stories_last_date; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_stories_last_date ON legacy.stories USING btree (last_date);


--
-- Name: idx_story_articles_story; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_story_articles_story ON legacy.story_articles USING btree (story_id, seq);


--
-- Name: idx_story_redirects_into; Type: INDEX; Schema: legacy_79d07630; Owner: -
--

CREATE INDEX idx_story_redirects_into ON legacy.story_redirects USING btree (into_id);


--
-- Name: article_bands article_bands_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_bands
    ADD CONSTRAINT article_bands_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: article_signatures article_signatures_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_signatures
    ADD CONSTRAINT article_signatures_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: article_sources article_sources_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.article_sources
    ADD CONSTRAINT article_sources_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: claim_sources claim_sources_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claim_sources
    ADD CONSTRAINT claim_sources_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: claim_sources claim_sources_claim_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.claim_sources
    ADD CONSTRAINT claim_sources_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES legacy.claims(id) ON DELETE CASCADE;


--
-- Name: conflict_articles conflict_articles_conflict_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.conflict_articles
    ADD CONSTRAINT conflict_articles_conflict_id_fkey FOREIGN KEY (conflict_id) REFERENCES legacy.conflicts(id) ON DELETE CASCADE;


--
-- Name: entities entities_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.entities
    ADD CONSTRAINT entities_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: events events_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.events
    ADD CONSTRAINT events_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: link_entity_members link_entity_members_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_entity_members
    ADD CONSTRAINT link_entity_members_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: link_entity_members link_entity_members_entity_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_entity_members
    ADD CONSTRAINT link_entity_members_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES legacy.link_entities(id) ON DELETE CASCADE;


--
-- Name: link_terms link_terms_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.link_terms
    ADD CONSTRAINT link_terms_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: quotes quotes_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.quotes
    ADD CONSTRAINT quotes_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: story_articles story_articles_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.story_articles
    ADD CONSTRAINT story_articles_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- Name: story_articles story_articles_story_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.story_articles
    ADD CONSTRAINT story_articles_story_id_fkey FOREIGN KEY (story_id) REFERENCES legacy.stories(id) ON DELETE CASCADE;


--
-- Name: timexes timexes_article_id_fkey; Type: FK CONSTRAINT; Schema: legacy_79d07630; Owner: -
--

ALTER TABLE ONLY legacy.timexes
    ADD CONSTRAINT timexes_article_id_fkey FOREIGN KEY (article_id) REFERENCES legacy.articles(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict 3s525MBJstdbdviSRbFiVelEC58qFcs9P4k2zWOWeQCL0Yys04WJW6g7caB4PQk

