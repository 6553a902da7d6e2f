"""The wheel tests build and install the package: `-m "not wheel"` leaves them out."""


def pytest_configure(config):
    config.addinivalue_line("markers", "wheel: builds the wheel and tests it installed in a new environment")
