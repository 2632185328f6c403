"""Initiative reviews: the configurable recognition sheet (criteria, thresholds, legal basis,
effective dates) and each council member's scores per criterion.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('initiative_scoring_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('unit_threshold', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('city_threshold', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('effective_to IS NULL OR effective_to >= effective_from', name=op.f('ck_initiative_scoring_sheets_effective_range')),
    sa.CheckConstraint('unit_threshold >= 0 AND city_threshold >= unit_threshold', name=op.f('ck_initiative_scoring_sheets_thresholds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_scoring_sheets'))
    )
    op.create_table('initiative_scoring_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=False),
    sa.Column('max_points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.CheckConstraint('max_points > 0', name=op.f('ck_initiative_scoring_criteria_max_points')),
    sa.ForeignKeyConstraint(['sheet_id'], ['initiative_scoring_sheets.id'], name=op.f('fk_initiative_scoring_criteria_sheet_id_initiative_scoring_sheets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_scoring_criteria')),
    sa.UniqueConstraint('sheet_id', 'code', name=op.f('uq_initiative_scoring_criteria_sheet_id_code'))
    )
    with op.batch_alter_table('initiative_scoring_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_scoring_criteria_sheet_id'), ['sheet_id'], unique=False)

    op.create_table('initiative_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiatives.id'], name=op.f('fk_initiative_reviews_initiative_id_initiatives'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_initiative_reviews_reviewer_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sheet_id'], ['initiative_scoring_sheets.id'], name=op.f('fk_initiative_reviews_sheet_id_initiative_scoring_sheets'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_reviews')),
    sa.UniqueConstraint('initiative_id', 'reviewer_id', name=op.f('uq_initiative_reviews_initiative_id_reviewer_id'))
    )
    with op.batch_alter_table('initiative_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_reviews_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_reviews_reviewer_id'), ['reviewer_id'], unique=False)

    op.create_table('initiative_review_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.CheckConstraint('points >= 0', name=op.f('ck_initiative_review_scores_points')),
    sa.ForeignKeyConstraint(['criterion_id'], ['initiative_scoring_criteria.id'], name=op.f('fk_initiative_review_scores_criterion_id_initiative_scoring_criteria'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['review_id'], ['initiative_reviews.id'], name=op.f('fk_initiative_review_scores_review_id_initiative_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_review_scores')),
    sa.UniqueConstraint('review_id', 'criterion_id', name=op.f('uq_initiative_review_scores_review_id_criterion_id'))
    )
    with op.batch_alter_table('initiative_review_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_review_scores_review_id'), ['review_id'], unique=False)


def downgrade():
    with op.batch_alter_table('initiative_review_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_review_scores_review_id'))

    op.drop_table('initiative_review_scores')
    with op.batch_alter_table('initiative_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_reviews_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_reviews_initiative_id'))

    op.drop_table('initiative_reviews')
    with op.batch_alter_table('initiative_scoring_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_scoring_criteria_sheet_id'))

    op.drop_table('initiative_scoring_criteria')
    op.drop_table('initiative_scoring_sheets')
