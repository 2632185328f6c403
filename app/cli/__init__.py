"""Flask CLI commands (`flask --app wsgi …`)."""
from app.cli.demo import demo_command
from app.cli.print import print_group
from app.cli.users import users_group

COMMANDS = [users_group, demo_command, print_group]
