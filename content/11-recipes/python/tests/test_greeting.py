from greeter import greeting


def test_greeting_names_the_user() -> None:
    assert greeting(10001).endswith("uid=10001\n")
