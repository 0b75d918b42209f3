-- Analytics (issue 5): each client's current segment, the configurable theme taxonomy, and manual theme tags.

-- Each client's current segment, from segmentation-service's SegmentMigrated events (segments.migrations.v1).
create table client_segment (
    client_id    uuid        primary key,
    segment      text        not null,
    sap_required boolean     not null,
    updated_at   timestamptz not null
);
create index client_segment_segment on client_segment (segment);

-- The theme taxonomy: theme -> owner business function and keywords/phrases (analysed with Lucene when tagging).
create table theme (
    code        text        primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        text        not null check (length(btrim(name)) between 1 and 100),
    owner       text        not null,
    keywords    text[]      not null check (cardinality(keywords) > 0),
    position    integer     not null,
    version     bigint      not null default 0,
    updated_by  text        not null default 'system',
    updated_at  timestamptz not null default now()
);
create unique index theme_name_unique on theme (lower(btrim(name)));

-- One row: bumped on every taxonomy change, so every replica rebuilds its cached tagger.
create table theme_taxonomy_revision (
    id        boolean primary key default true check (id),
    revision  bigint  not null
);
insert into theme_taxonomy_revision (id, revision) values (true, 1);

-- Seeded with ThemeTaxonomy.defaults(), so tagging behaves exactly as before.
insert into theme (code, name, owner, keywords, position) values
    ('PRODUCT_PERCEPTION', 'Product perception', 'R_AND_D', array['legacy', 'outdated', 'old-fashioned', 'out of date', 'roadmap', 'modern', 'modernise', 'modernize', 'clunky', 'innovation', 'new features', 'feature request', 'product direction', 'look and feel', 'behind the competition'], 1),
    ('SUPPORT_RESPONSIVENESS', 'Support responsiveness', 'SUPPORT', array['support', 'support ticket', 'ticket', 'helpdesk', 'help desk', 'service desk', 'response time', 'responsive', 'unresponsive', 'slow to respond', 'escalation', 'resolution', 'waiting'], 2),
    ('IMPLEMENTATION_ONBOARDING', 'Implementation & onboarding', 'PS', array['onboarding', 'implementation', 'go-live', 'rollout', 'roll out', 'deployment', 'migration', 'upgrade', 'configuration', 'project manager', 'professional services', 'kick-off'], 3),
    ('PRICING_VALUE', 'Pricing & value', 'COMMOPS', array['price', 'pricing', 'cost', 'expensive', 'overpriced', 'value for money', 'good value', 'poor value', 'return on investment', 'ROI', 'licence', 'license', 'invoice', 'billing', 'contract'], 4),
    ('RELATIONSHIP_ACCOUNT_MANAGEMENT', 'Relationship & account management', 'CS', array['account manager', 'account management', 'relationship', 'point of contact', 'business review', 'QBR', 'executive sponsor', 'proactive', 'communication', 'engagement', 'kept informed', 'keep us informed'], 5),
    ('TRAINING', 'Training & enablement', 'PS', array['training', 'trained', 'documentation', 'user guide', 'webinar', 'knowledge base', 'enablement', 'e-learning'], 6),
    ('RELIABILITY_PERFORMANCE', 'Reliability & performance', 'R_AND_D', array['outage', 'downtime', 'down time', 'crash', 'bug', 'buggy', 'error', 'stability', 'unstable', 'reliability', 'unreliable', 'performance', 'slow system', 'system is slow', 'latency', 'freezes'], 7);

-- A person's themes for a response: when set (even empty), they win over the automatic themes everywhere.
-- Effective themes of a response = coalesce(manual_themes, themes) (see SurveyResponseThemes.EFFECTIVE_SQL).
alter table survey_response
    add column manual_themes     text[],
    add column themes_tagged_by  text,
    add column themes_tagged_at  timestamptz;
