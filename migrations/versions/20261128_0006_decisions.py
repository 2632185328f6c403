"""Decisions: quyết định khen thưởng, their items, certificates (golden-book number,
verification token, revocation), the verification log and PDF print jobs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 02:47:14.100404

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('verification_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ip_hash', sa.String(length=64), nullable=False),
    sa.Column('found', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_logs'))
    )
    with op.batch_alter_table('verification_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_logs_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_logs_token'), ['token'], unique=False)

    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issuer_unit_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('issuer_lines', sa.JSON(), nullable=False),
    sa.Column('authority', sa.String(length=500), nullable=False),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('signer_title', sa.String(length=200), nullable=False),
    sa.Column('signer_capacity', sa.JSON(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('symbol', sa.String(length=50), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('legal_bases', sa.JSON(), nullable=False),
    sa.Column('articles', sa.JSON(), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('list_title', sa.String(length=500), nullable=False),
    sa.Column('achievement', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'issued', name='decisionstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('amends_id', sa.Integer(), nullable=True),
    sa.Column('amendment_kind', sa.Enum('amends', 'revokes', name='amendmentkind', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('correction_reason', sa.Text(), nullable=False),
    sa.Column('correction_legal_ground', sa.String(length=500), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("status = 'draft' OR (number IS NOT NULL AND year IS NOT NULL)", name=op.f('ck_decisions_issued_numbered')),
    sa.CheckConstraint('(amends_id IS NULL) = (amendment_kind IS NULL)', name=op.f('ck_decisions_amendment_pair')),
    sa.ForeignKeyConstraint(['amends_id'], ['decisions.id'], name=op.f('fk_decisions_amends_id_decisions'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_decisions_campaign_id_campaigns'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_decisions_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_decisions_issued_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['issuer_unit_id'], ['org_units.id'], name=op.f('fk_decisions_issuer_unit_id_org_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions')),
    sa.UniqueConstraint('issuer_unit_id', 'year', 'number', name=op.f('uq_decisions_issuer_unit_id_year_number'))
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_amends_id'), ['amends_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_issuer_unit_id'), ['issuer_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_status'), ['status'], unique=False)

    op.create_table('decision_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('subject_type', sa.Enum('individual', 'collective', name='subjecttype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('group_label', sa.String(length=500), nullable=False),
    sa.Column('honorific', sa.String(length=20), nullable=False),
    sa.Column('printed_name', sa.String(length=500), nullable=False),
    sa.Column('printed_detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_decision_items_award_type_id_award_types'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_decision_items_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_decision_items_nomination_id_nominations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_items')),
    sa.UniqueConstraint('decision_id', 'nomination_id', name=op.f('uq_decision_items_decision_id_nomination_id'))
    )
    with op.batch_alter_table('decision_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_items_award_type_id'), ['award_type_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_items_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_items_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('decision', 'list', 'certificates', name='printkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('content_key', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', name='printjobstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('file_path', sa.String(length=500), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_print_jobs_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_print_jobs_decision_id_decisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_jobs_content_key'), ['content_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_decision_id'), ['decision_id'], unique=False)

    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_item_id', sa.Integer(), nullable=False),
    sa.Column('issuer_unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('golden_book_number', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revocation_reason', sa.Text(), nullable=False),
    sa.Column('legal_ground', sa.String(length=500), nullable=False),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(revoked_at IS NULL) OR (revocation_reason <> '' AND legal_ground <> '')", name=op.f('ck_certificates_revocation_grounds')),
    sa.ForeignKeyConstraint(['decision_item_id'], ['decision_items.id'], name=op.f('fk_certificates_decision_item_id_decision_items'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['issuer_unit_id'], ['org_units.id'], name=op.f('fk_certificates_issuer_unit_id_org_units'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_certificates_revoked_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates')),
    sa.UniqueConstraint('decision_item_id', name=op.f('uq_certificates_decision_item_id')),
    sa.UniqueConstraint('issuer_unit_id', 'year', 'golden_book_number', name=op.f('uq_certificates_issuer_unit_id_year_golden_book_number')),
    sa.UniqueConstraint('token', name=op.f('uq_certificates_token'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_issuer_unit_id'), ['issuer_unit_id'], unique=False)



def downgrade():
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_issuer_unit_id'))

    op.drop_table('certificates')
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_decision_id'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_content_key'))

    op.drop_table('print_jobs')
    with op.batch_alter_table('decision_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_items_nomination_id'))
        batch_op.drop_index(batch_op.f('ix_decision_items_decision_id'))
        batch_op.drop_index(batch_op.f('ix_decision_items_award_type_id'))

    op.drop_table('decision_items')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_status'))
        batch_op.drop_index(batch_op.f('ix_decisions_issuer_unit_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_amends_id'))

    op.drop_table('decisions')
    with op.batch_alter_table('verification_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_logs_token'))
        batch_op.drop_index(batch_op.f('ix_verification_logs_at'))

    op.drop_table('verification_logs')
