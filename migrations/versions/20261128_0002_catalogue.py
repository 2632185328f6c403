"""Catalogue: campaigns and phases, versioned criteria sheets, award types with
eligibility rules, the award-history ledger (awards, ratings, discipline), the register of
initiatives and models, and evidence files.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 02:32:26.541758

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('award_types',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.Enum('emulation_title', 'commendation', name='awardcategory', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('subject_scope', sa.Enum('individual', 'collective', 'both', name='subjectscope', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('level', sa.Enum('base', 'city', 'national', name='awardlevel', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('deciding_authority', sa.String(length=200), nullable=False),
    sa.Column('issuer_line', sa.String(length=500), nullable=False),
    sa.Column('certificate_kind', sa.Enum('bang_khen', 'giay_khen', 'chien_si_thi_dua', 'co_thi_dua', 'giay_chung_nhan', name='certificatekind', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('requires_secret_ballot', sa.Boolean(), nullable=False),
    sa.Column('ballot_threshold', sa.Numeric(precision=5, scale=4), nullable=True),
    sa.Column('ballot_base', sa.Enum('all_members', 'present', 'valid_ballots', name='ballotbase', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('quorum_ratio', sa.Numeric(precision=5, scale=4), nullable=True),
    sa.Column('cash_factor', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('min_score', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('quota_policy', sa.Enum('block', 'justify', name='quotapolicy', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('ballot_threshold IS NULL OR (ballot_threshold > 0 AND ballot_threshold <= 1)', name=op.f('ck_award_types_ballot_threshold')),
    sa.CheckConstraint('cash_factor >= 0', name=op.f('ck_award_types_cash_factor')),
    sa.CheckConstraint('quorum_ratio IS NULL OR (quorum_ratio > 0 AND quorum_ratio <= 1)', name=op.f('ck_award_types_quorum')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_types')),
    sa.UniqueConstraint('code', name=op.f('uq_award_types_code'))
    )
    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('search_name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.Enum('regular', 'thematic', name='campaignkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('launching_unit_id', sa.Integer(), nullable=False),
    sa.Column('plan_number', sa.String(length=100), nullable=False),
    sa.Column('plan_date', sa.Date(), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('stage', sa.Enum('registration', 'nomination', 'appraisal', 'scoring', 'voting', 'decided', 'closed', name='campaignstage', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('aggregation', sa.Enum('mean', 'median', 'trimmed_mean', 'zscore', name='aggregationmethod', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('period_end >= period_start', name=op.f('ck_campaigns_period')),
    sa.ForeignKeyConstraint(['launching_unit_id'], ['org_units.id'], name=op.f('fk_campaigns_launching_unit_id_org_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('code', name=op.f('uq_campaigns_code'))
    )
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaigns_launching_unit_id'), ['launching_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_campaigns_search_name'), ['search_name'], unique=False)

    op.create_table('eligibility_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('consecutive_title', 'initiative_scope', 'performance_rating', 'no_discipline', 'quota_ratio', 'prior_award', 'member_share', name='rulekind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('effective_to IS NULL OR effective_to >= effective_from', name=op.f('ck_eligibility_rules_effective')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_eligibility_rules_award_type_id_award_types'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_rules'))
    )
    with op.batch_alter_table('eligibility_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eligibility_rules_award_type_id'), ['award_type_id'], unique=False)

    op.create_table('award_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('decision_number', sa.String(length=100), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(length=500), nullable=False),
    sa.Column('source', sa.Enum('manual', 'import', 'decision', name='recordsource', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_award_records_one_subject')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_award_records_award_type_id_award_types'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_award_records_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_award_records_unit_id_org_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_records'))
    )
    with op.batch_alter_table('award_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_records_award_type_id'), ['award_type_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_records_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_records_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_award_records_person', ['person_id', 'award_type_id', 'year'], unique=True, sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.create_index('uq_award_records_unit', ['unit_id', 'award_type_id', 'year'], unique=True, sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))

    op.create_table('campaign_phases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('registration', 'nomination', 'appraisal', 'scoring', 'voting', 'decided', 'closed', name='campaignstage', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.CheckConstraint('ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_campaign_phases_dates')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_phases_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_phases')),
    sa.UniqueConstraint('campaign_id', 'stage', name=op.f('uq_campaign_phases_campaign_id_stage'))
    )
    with op.batch_alter_table('campaign_phases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_phases_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('campaign_units',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_units_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_campaign_units_unit_id_org_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'unit_id', name=op.f('pk_campaign_units'))
    )
    op.create_table('criteria_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('subject_type', sa.Enum('individual', 'collective', name='subjecttype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('bonus_cap', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('bonus_cap >= 0', name=op.f('ck_criteria_sheets_bonus_cap')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_criteria_sheets_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria_sheets')),
    sa.UniqueConstraint('campaign_id', 'subject_type', 'version', name=op.f('uq_criteria_sheets_campaign_id_subject_type_version'))
    )
    with op.batch_alter_table('criteria_sheets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_sheets_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('discipline_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('measure', sa.Enum('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec', name='disciplinemeasure', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_discipline_records_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_records'))
    )
    with op.batch_alter_table('discipline_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discipline_records_person_id'), ['person_id'], unique=False)

    op.create_table('evidence_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stored_name', sa.String(length=100), nullable=False),
    sa.Column('original_name', sa.String(length=500), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_evidence_files_size')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_evidence_files_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_files')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_evidence_files_stored_name'))
    )
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_files_sha256'), ['sha256'], unique=False)

    op.create_table('initiatives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('initiative', 'model', 'solution', 'scheme', name='initiativekind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('owner_unit_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('novelty', sa.Text(), nullable=False),
    sa.Column('application', sa.Text(), nullable=False),
    sa.Column('scope', sa.Enum('unit', 'city', 'national', name='influencescope', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('status', sa.Enum('draft', 'submitted', 'recognised', 'not_recognised', name='initiativestatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_initiatives_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_units.id'], name=op.f('fk_initiatives_owner_unit_id_org_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiatives'))
    )
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiatives_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('rating_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Enum('htxsnv', 'httnv', 'htnv', 'khtnv', name='performancerating', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_rating_records_one_subject')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_rating_records_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_rating_records_unit_id_org_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_records'))
    )
    with op.batch_alter_table('rating_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rating_records_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rating_records_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_rating_records_person', ['person_id', 'year'], unique=True, sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.create_index('uq_rating_records_unit', ['unit_id', 'year'], unique=True, sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))

    op.create_table('criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('scored', 'bonus', 'penalty', 'knockout', name='criterionkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=False),
    sa.Column('max_points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('penalty_points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.CheckConstraint('max_points >= 0', name=op.f('ck_criteria_max_points')),
    sa.CheckConstraint('penalty_points >= 0', name=op.f('ck_criteria_penalty_points')),
    sa.ForeignKeyConstraint(['parent_id'], ['criteria.id'], name=op.f('fk_criteria_parent_id_criteria'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sheet_id'], ['criteria_sheets.id'], name=op.f('fk_criteria_sheet_id_criteria_sheets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criteria'))
    )
    with op.batch_alter_table('criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteria_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_criteria_sheet_id'), ['sheet_id'], unique=False)

    op.create_table('initiative_authors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_authors_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_initiative_authors_person_id_people'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_authors')),
    sa.UniqueConstraint('initiative_id', 'person_id', name=op.f('uq_initiative_authors_initiative_id_person_id'))
    )
    with op.batch_alter_table('initiative_authors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_authors_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_authors_person_id'), ['person_id'], unique=False)

    op.create_table('initiative_campaigns',
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_initiative_campaigns_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_campaigns_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'campaign_id', name=op.f('pk_initiative_campaigns'))
    )
    op.create_table('initiative_evidence',
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_files.id'], name=op.f('fk_initiative_evidence_evidence_id_evidence_files'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_evidence_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('initiative_id', 'evidence_id', name=op.f('pk_initiative_evidence'))
    )
    op.create_table('initiative_metrics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=500), nullable=False),
    sa.Column('value', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('unit', sa.String(length=50), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_metrics_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_metrics'))
    )
    with op.batch_alter_table('initiative_metrics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_metrics_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('initiative_recognitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('recognised_by', sa.String(length=200), nullable=False),
    sa.Column('decision_number', sa.String(length=100), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('scope', sa.Enum('unit', 'city', 'national', name='influencescope', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('total_score', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_recognitions_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_recognitions'))
    )
    with op.batch_alter_table('initiative_recognitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_recognitions_initiative_id'), ['initiative_id'], unique=False)



def downgrade():
    with op.batch_alter_table('initiative_recognitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_recognitions_initiative_id'))

    op.drop_table('initiative_recognitions')
    with op.batch_alter_table('initiative_metrics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_metrics_initiative_id'))

    op.drop_table('initiative_metrics')
    op.drop_table('initiative_evidence')
    op.drop_table('initiative_campaigns')
    with op.batch_alter_table('initiative_authors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_authors_person_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_authors_initiative_id'))

    op.drop_table('initiative_authors')
    with op.batch_alter_table('criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_sheet_id'))
        batch_op.drop_index(batch_op.f('ix_criteria_parent_id'))

    op.drop_table('criteria')
    with op.batch_alter_table('rating_records', schema=None) as batch_op:
        batch_op.drop_index('uq_rating_records_unit', sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))
        batch_op.drop_index('uq_rating_records_person', sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_rating_records_unit_id'))
        batch_op.drop_index(batch_op.f('ix_rating_records_person_id'))

    op.drop_table('rating_records')
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiatives_owner_unit_id'))

    op.drop_table('initiatives')
    with op.batch_alter_table('evidence_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_files_sha256'))

    op.drop_table('evidence_files')
    with op.batch_alter_table('discipline_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discipline_records_person_id'))

    op.drop_table('discipline_records')
    with op.batch_alter_table('criteria_sheets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteria_sheets_campaign_id'))

    op.drop_table('criteria_sheets')
    op.drop_table('campaign_units')
    with op.batch_alter_table('campaign_phases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_phases_campaign_id'))

    op.drop_table('campaign_phases')
    with op.batch_alter_table('award_records', schema=None) as batch_op:
        batch_op.drop_index('uq_award_records_unit', sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))
        batch_op.drop_index('uq_award_records_person', sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_award_records_unit_id'))
        batch_op.drop_index(batch_op.f('ix_award_records_person_id'))
        batch_op.drop_index(batch_op.f('ix_award_records_award_type_id'))

    op.drop_table('award_records')
    with op.batch_alter_table('eligibility_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eligibility_rules_award_type_id'))

    op.drop_table('eligibility_rules')
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaigns_search_name'))
        batch_op.drop_index(batch_op.f('ix_campaigns_launching_unit_id'))

    op.drop_table('campaigns')
    op.drop_table('award_types')
