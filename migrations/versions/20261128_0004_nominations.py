"""Nominations: the dossier (structured achievement report), its workflow state and timeline,
evidence files and linked initiatives, eligibility overrides, and campaign quotas.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 02:44:41.494963

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('nominations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('subject_type', sa.Enum('individual', 'collective', name='subjecttype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('nominating_unit_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'returned', 'accepted', 'appraised', 'ineligible', 'in_scoring', 'scored', 'voted', 'approved', 'rejected', 'awarded', 'withdrawn', name='nominationstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('memo_number', sa.String(length=100), nullable=False),
    sa.Column('memo_date', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('results_by_year', sa.JSON(), nullable=False),
    sa.Column('declared_ratings', sa.JSON(), nullable=False),
    sa.Column('discipline_measure', sa.Enum('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec', name='disciplinemeasure', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('discipline_year', sa.Integer(), nullable=True),
    sa.Column('quota_justification', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('(discipline_measure IS NULL) = (discipline_year IS NULL)', name=op.f('ck_nominations_discipline_pair')),
    sa.CheckConstraint("(subject_type = 'individual' AND person_id IS NOT NULL) OR (subject_type = 'collective' AND unit_id IS NOT NULL)", name=op.f('ck_nominations_subject_matches_type')),
    sa.CheckConstraint('(person_id IS NULL) <> (unit_id IS NULL)', name=op.f('ck_nominations_one_subject')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_nominations_award_type_id_award_types'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_nominations_campaign_id_campaigns'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_nominations_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['nominating_unit_id'], ['org_units.id'], name=op.f('fk_nominations_nominating_unit_id_org_units'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_nominations_person_id_people'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_nominations_unit_id_org_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nominations'))
    )
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nominations_award_type_id'), ['award_type_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_nominating_unit_id'), ['nominating_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_nominations_person', ['campaign_id', 'award_type_id', 'person_id'], unique=True, sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.create_index('uq_nominations_unit', ['campaign_id', 'award_type_id', 'unit_id'], unique=True, sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))

    op.create_table('nomination_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.Enum('draft', 'submitted', 'returned', 'accepted', 'appraised', 'ineligible', 'in_scoring', 'scored', 'voted', 'approved', 'rejected', 'awarded', 'withdrawn', name='from_nominationstatus', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('to_status', sa.Enum('draft', 'submitted', 'returned', 'accepted', 'appraised', 'ineligible', 'in_scoring', 'scored', 'voted', 'approved', 'rejected', 'awarded', 'withdrawn', name='nominationstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_nomination_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_nomination_events_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nomination_events'))
    )
    with op.batch_alter_table('nomination_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_events_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('nomination_evidence',
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_files.id'], name=op.f('fk_nomination_evidence_evidence_id_evidence_files'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_nomination_evidence_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('nomination_id', 'evidence_id', name=op.f('pk_nomination_evidence'))
    )
    op.create_table('nomination_initiatives',
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_nomination_initiatives_initiative_id_initiatives'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_nomination_initiatives_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('nomination_id', 'initiative_id', name=op.f('pk_nomination_initiatives'))
    )
    with op.batch_alter_table('nomination_initiatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nomination_initiatives_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('eligibility_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_eligibility_overrides_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_eligibility_overrides_nomination_id_nominations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['eligibility_rules.id'], name=op.f('fk_eligibility_overrides_rule_id_eligibility_rules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eligibility_overrides')),
    sa.UniqueConstraint('nomination_id', 'rule_id', name=op.f('uq_eligibility_overrides_nomination_id_rule_id'))
    )
    with op.batch_alter_table('eligibility_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eligibility_overrides_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('campaign_quotas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('max_count', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('max_count >= 0', name=op.f('ck_campaign_quotas_max_count')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_campaign_quotas_award_type_id_award_types'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_quotas_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_campaign_quotas_unit_id_org_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign_quotas')),
    sa.UniqueConstraint('campaign_id', 'award_type_id', 'unit_id', name=op.f('uq_campaign_quotas_campaign_id_award_type_id_unit_id'))
    )
    with op.batch_alter_table('campaign_quotas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_quotas_campaign_id'), ['campaign_id'], unique=False)


def downgrade():
    with op.batch_alter_table('campaign_quotas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_quotas_campaign_id'))

    op.drop_table('campaign_quotas')
    with op.batch_alter_table('eligibility_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eligibility_overrides_nomination_id'))

    op.drop_table('eligibility_overrides')
    with op.batch_alter_table('nomination_initiatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_initiatives_initiative_id'))

    op.drop_table('nomination_initiatives')
    op.drop_table('nomination_evidence')
    with op.batch_alter_table('nomination_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nomination_events_nomination_id'))

    op.drop_table('nomination_events')
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.drop_index('uq_nominations_unit', sqlite_where=sa.text('unit_id IS NOT NULL'), postgresql_where=sa.text('unit_id IS NOT NULL'))
        batch_op.drop_index('uq_nominations_person', sqlite_where=sa.text('person_id IS NOT NULL'), postgresql_where=sa.text('person_id IS NOT NULL'))
        batch_op.drop_index(batch_op.f('ix_nominations_unit_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_status'))
        batch_op.drop_index(batch_op.f('ix_nominations_person_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_nominating_unit_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_award_type_id'))

    op.drop_table('nominations')
