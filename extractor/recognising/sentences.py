"""(being written)"""


def make_exchange_sentences(*args, **kwargs):  # placeholder until the component lands
    raise NotImplementedError
