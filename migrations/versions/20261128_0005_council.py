"""Council: the reward council of a campaign, members, assignments, conflicts of interest,
score sheets and scores, overrides, and the secret ballot (rounds, items, anonymous ballots —
WITHOUT ROWID on SQLite, random ids — and participation kept apart).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 02:45:17.744530

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('councils',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quorum_ratio', sa.Numeric(precision=5, scale=4), nullable=False),
    sa.Column('status', sa.Enum('scoring', 'closed', name='councilstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('assignment_mode', sa.Enum('all', 'balanced', name='assignmentmode', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reviewers_per_nomination', sa.Integer(), nullable=True),
    sa.Column('max_per_member', sa.Integer(), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('venue', sa.String(length=500), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('change_counter', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('max_per_member IS NULL OR max_per_member > 0', name=op.f('ck_councils_max_per_member')),
    sa.CheckConstraint('quorum_ratio > 0 AND quorum_ratio <= 1', name=op.f('ck_councils_quorum')),
    sa.CheckConstraint('reviewers_per_nomination IS NULL OR reviewers_per_nomination > 0', name=op.f('ck_councils_reviewers')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_councils_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_councils'))
    )
    with op.batch_alter_table('councils', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_councils_campaign_id'), ['campaign_id'], unique=False)
    op.create_table('ballot_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('award_type_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('open', 'closed', name='roundstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('threshold', sa.Numeric(precision=5, scale=4), nullable=False),
    sa.Column('base', sa.Enum('all_members', 'present', 'valid_ballots', name='ballotbase', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('quorum_ratio', sa.Numeric(precision=5, scale=4), nullable=False),
    sa.Column('members_total', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quorum_ratio > 0 AND quorum_ratio <= 1', name=op.f('ck_ballot_rounds_quorum')),
    sa.CheckConstraint('threshold > 0 AND threshold <= 1', name=op.f('ck_ballot_rounds_threshold')),
    sa.ForeignKeyConstraint(['award_type_id'], ['award_types.id'], name=op.f('fk_ballot_rounds_award_type_id_award_types'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_ballot_rounds_council_id_councils'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_rounds')),
    sa.UniqueConstraint('council_id', 'award_type_id', 'number', name=op.f('uq_ballot_rounds_council_id_award_type_id_number'))
    )
    with op.batch_alter_table('ballot_rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_rounds_council_id'), ['council_id'], unique=False)
    op.create_table('council_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('chair', 'vice_chair', 'member', 'secretary', name='councilrole', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_council_members_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_council_members_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_members')),
    sa.UniqueConstraint('council_id', 'user_id', name=op.f('uq_council_members_council_id_user_id'))
    )
    with op.batch_alter_table('council_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_council_members_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_council_members_user_id'), ['user_id'], unique=False)
    op.create_table('council_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('approve', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_council_overrides_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_council_overrides_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_council_overrides_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_overrides')),
    sa.UniqueConstraint('council_id', 'nomination_id', name=op.f('uq_council_overrides_council_id_nomination_id'))
    )
    with op.batch_alter_table('council_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_council_overrides_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_council_overrides_nomination_id'), ['nomination_id'], unique=False)
    op.create_table('ballot_participations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('is_present', sa.Boolean(), nullable=False),
    sa.Column('has_voted', sa.Boolean(), nullable=False),
    sa.Column('sent_written_opinion', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['council_members.id'], name=op.f('fk_ballot_participations_member_id_council_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['ballot_rounds.id'], name=op.f('fk_ballot_participations_round_id_ballot_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_participations')),
    sa.UniqueConstraint('round_id', 'member_id', name=op.f('uq_ballot_participations_round_id_member_id'))
    )
    with op.batch_alter_table('ballot_participations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_participations_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_participations_round_id'), ['round_id'], unique=False)
    op.create_table('ballot_round_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_ballot_round_items_nomination_id_nominations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['ballot_rounds.id'], name=op.f('fk_ballot_round_items_round_id_ballot_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballot_round_items')),
    sa.UniqueConstraint('round_id', 'nomination_id', name=op.f('uq_ballot_round_items_round_id_nomination_id'))
    )
    with op.batch_alter_table('ballot_round_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballot_round_items_nomination_id'), ['nomination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ballot_round_items_round_id'), ['round_id'], unique=False)
    op.create_table('conflict_declarations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('declared_by_id', sa.Integer(), nullable=True),
    sa.Column('declared_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_conflict_declarations_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['declared_by_id'], ['users.id'], name=op.f('fk_conflict_declarations_declared_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['council_members.id'], name=op.f('fk_conflict_declarations_member_id_council_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_conflict_declarations_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_declarations')),
    sa.UniqueConstraint('member_id', 'nomination_id', name=op.f('uq_conflict_declarations_member_id_nomination_id'))
    )
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_declarations_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_declarations_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_declarations_nomination_id'), ['nomination_id'], unique=False)
    op.create_table('council_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_council_assignments_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['council_members.id'], name=op.f('fk_council_assignments_member_id_council_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_council_assignments_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_council_assignments')),
    sa.UniqueConstraint('member_id', 'nomination_id', name=op.f('uq_council_assignments_member_id_nomination_id'))
    )
    with op.batch_alter_table('council_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_council_assignments_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_council_assignments_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_council_assignments_nomination_id'), ['nomination_id'], unique=False)
    op.create_table('score_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', name='sheetstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_excluded', sa.Boolean(), nullable=False),
    sa.Column('excluded_reason', sa.Text(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('total_scored', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('total_bonus', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('total_penalty', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('total', sa.Numeric(precision=10, scale=4), nullable=True),
    sa.Column('knocked_out', sa.Boolean(), nullable=True),
    sa.CheckConstraint("status <> 'submitted' OR submitted_at IS NOT NULL", name=op.f('ck_score_sheets_submitted_at')),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_score_sheets_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['council_members.id'], name=op.f('fk_score_sheets_member_id_council_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'], name=op.f('fk_score_sheets_nomination_id_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_sheets')),
    sa.UniqueConstraint('member_id', 'nomination_id', name=op.f('uq_score_sheets_member_id_nomination_id'))
    )
    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_sheets_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_score_sheets_council_totals', ['council_id', 'status', 'is_excluded', 'nomination_id', 'member_id', 'total', 'knocked_out'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheets_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheets_nomination_id'), ['nomination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheets_status'), ['status'], unique=False)
    op.create_table('ballots',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('round_item_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.Enum('agree', 'disagree', name='ballotchoice', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('is_written', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['round_item_id'], ['ballot_round_items.id'], name=op.f('fk_ballots_round_item_id_ballot_round_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ballots')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('ballots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ballots_round_item_id'), ['round_item_id'], unique=False)
    op.create_table('scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.CheckConstraint('value >= 0', name=op.f('ck_scores_value')),
    sa.ForeignKeyConstraint(['criterion_id'], ['criteria.id'], name=op.f('fk_scores_criterion_id_criteria'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sheet_id'], ['score_sheets.id'], name=op.f('fk_scores_sheet_id_score_sheets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scores')),
    sa.UniqueConstraint('sheet_id', 'criterion_id', name=op.f('uq_scores_sheet_id_criterion_id'))
    )
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scores_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scores_sheet_id'), ['sheet_id'], unique=False)


def downgrade():
    with op.batch_alter_table('scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scores_sheet_id'))
        batch_op.drop_index(batch_op.f('ix_scores_criterion_id'))
    op.drop_table('scores')
    with op.batch_alter_table('ballots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballots_round_item_id'))
    op.drop_table('ballots')
    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_sheets_status'))
        batch_op.drop_index(batch_op.f('ix_score_sheets_nomination_id'))
        batch_op.drop_index(batch_op.f('ix_score_sheets_member_id'))
        batch_op.drop_index('ix_score_sheets_council_totals')
        batch_op.drop_index(batch_op.f('ix_score_sheets_council_id'))
    op.drop_table('score_sheets')
    with op.batch_alter_table('council_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_council_assignments_nomination_id'))
        batch_op.drop_index(batch_op.f('ix_council_assignments_member_id'))
        batch_op.drop_index(batch_op.f('ix_council_assignments_council_id'))
    op.drop_table('council_assignments')
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_nomination_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_member_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_council_id'))
    op.drop_table('conflict_declarations')
    with op.batch_alter_table('ballot_round_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_round_items_round_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_round_items_nomination_id'))
    op.drop_table('ballot_round_items')
    with op.batch_alter_table('ballot_participations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_participations_round_id'))
        batch_op.drop_index(batch_op.f('ix_ballot_participations_member_id'))
    op.drop_table('ballot_participations')
    with op.batch_alter_table('council_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_council_overrides_nomination_id'))
        batch_op.drop_index(batch_op.f('ix_council_overrides_council_id'))
    op.drop_table('council_overrides')
    with op.batch_alter_table('council_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_council_members_user_id'))
        batch_op.drop_index(batch_op.f('ix_council_members_council_id'))
    op.drop_table('council_members')
    with op.batch_alter_table('ballot_rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ballot_rounds_council_id'))
    op.drop_table('ballot_rounds')
    with op.batch_alter_table('councils', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_councils_campaign_id'))
    op.drop_table('councils')
