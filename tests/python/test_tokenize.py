"""khabar.tokenize and khabar.sentences: exact offsets for any Unicode input."""

import pickle
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar

TRICKY = [
    "",
    "IS-K and ISK-P’s 4,000-6,000 fighters",
    "wasn’t Afghanistan’s Lashkar-e-Jhangvi",
    "emoji 🇦🇫👩🏽‍⚕️ done",
    "combining e\u0301 and Kuna\u1e5f",
    "中文字符 and 日本語",
    "دولت اسلامی ولایت خراسان",
    "NBSP\u00a0here\u2003and\u202fthere",
    "CRLF\r\nline\r\n",
    "a\u0000b\u200bc\ufeffd",
]

# Text drawn from every plane, without surrogates (see the surrogate tests below).
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
# Text that may hold lone surrogate code points (which Python str allows).
surrogate_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=60)
newsy = st.lists(
    st.sampled_from(
        ["IS-K", "’s", "U.S.", "4,000", "-", " ", "\n", "\u00a0", "11:58", "26/1/2018",
         "https://x.org/a", "a@b.co", "#tag", "e\u0301", "🇦🇫", "دولت", "Dr.", "..."]
    )
    | st.text(max_size=4),
    max_size=30,
).map("".join)


def check_exact(text: str) -> None:
    tokens = khabar.tokenize(text)
    last = 0
    for t in tokens:
        assert text[t.start : t.end] == t.text, (t, text)
        assert last <= t.start < t.end <= len(text)
        assert not any(ch.isspace() for ch in t.text if ch not in "\x1c\x1d\x1e\x1f\x85")
        last = t.end
    for s in khabar.sentences(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_are_exact(text: str) -> None:
    check_exact(text)


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_any_unicode_is_exact(text: str) -> None:
    check_exact(text)


def first_surrogate(text: str) -> "int | None":
    return next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)


@pytest.mark.parametrize(
    ("text", "index"), [("\ud800\r", 0), ("lone \ud800\udfff x \udc00y", 5), ("ok \udc00", 3)]
)
def test_lone_surrogates_are_a_clear_error(text: str, index: int) -> None:
    # A lone surrogate has no UTF-8 form: khabar refuses the text rather than altering it,
    # and says where the first one is.
    for call in (khabar.tokenize, khabar.sentences):
        with pytest.raises(khabar.InputError, match=f"lone surrogate U\\+D[89A-F][0-9A-F]{{2}} at index {index}\\b"):
            call(text)
    assert issubclass(khabar.InputError, ValueError)
    assert issubclass(khabar.InputError, khabar.KhabarError)


@given(surrogate_text)
@settings(max_examples=200, deadline=None)
def test_text_with_or_without_surrogates(text: str) -> None:
    index = first_surrogate(text)
    if index is None:
        check_exact(text)
    else:
        with pytest.raises(khabar.InputError, match=f"at index {index}\\b"):
            khabar.tokenize(text)


@given(newsy)
@settings(max_examples=300, deadline=None)
def test_newsy_text_is_exact(text: str) -> None:
    check_exact(text)


def test_seeds_are_exact(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        check_exact(text)
        assert len(khabar.tokenize(text)) > 500, name
        assert len(khabar.sentences(text)) > 20, name


def test_tokens_for_names_ranges_possessives() -> None:
    text = "ISK-P’s an estimated 4,000-6,000 fighters wasn’t"
    got = [(t.text, t.kind) for t in khabar.tokenize(text)]
    assert got == [
        ("ISK", "word"), ("-", "punct"), ("P", "word"), ("’s", "word"), ("an", "word"),
        ("estimated", "word"), ("4,000", "number"), ("-", "punct"), ("6,000", "number"),
        ("fighters", "word"), ("was", "word"), ("n’t", "word"),
    ]
    assert [t.norm for t in khabar.tokenize("Afghanistan’s 4,000")] == ["afghanistan", "'s", "4000"]


def test_sentences_respect_titles_and_headlines() -> None:
    text = "The Power of ISIS-K\n\nPublished November 9th, 2021 - 11:58 GMT\nISIS-K elected Dr. Shahab al-Muhajer. It grew."
    assert [s.text for s in khabar.sentences(text)] == [
        "The Power of ISIS-K",
        "Published November 9th, 2021 - 11:58 GMT",
        "ISIS-K elected Dr. Shahab al-Muhajer.",
        "It grew.",
    ]


@pytest.mark.parametrize("bad", [None, 1, b"bytes", ["list"], 3.5])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        khabar.tokenize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str"):
        khabar.sentences(bad)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class S(str):
        pass

    assert [t.text for t in khabar.tokenize(S("a b"))] == ["a", "b"]


def test_results_repr_eq_pickle_dict() -> None:
    tok = khabar.tokenize("Kabul’s")[0]
    assert repr(tok) == "Token(0, 5, 'Kabul', kind='word')"
    assert tok == khabar.tokenize("Kabul")[0]
    assert tok != khabar.tokenize("Kabul’s")[1]
    assert pickle.loads(pickle.dumps(tok)) == tok
    assert tok.to_dict() == {"start": 0, "end": 5, "text": "Kabul", "kind": "word", "norm": "kabul"}
    sent = khabar.sentences("One. Two.")[1]
    assert pickle.loads(pickle.dumps(sent)) == sent
    assert sent.to_dict() == {"start": 5, "end": 9, "text": "Two."}
    assert len({tok, tok}) == 1


def test_threads_give_same_results(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) * 4
    expected = [khabar.tokenize(t) for t in texts]
    results: list[object] = [None] * len(texts)

    def work(i: int) -> None:
        results[i] = khabar.tokenize(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == expected
