"""How close a new article is to a story: its nearest members count, not the whole story's mean."""

from __future__ import annotations

from newstrace.link.stories import (
    MemoryIndex,
    StoryClusterer,
    StoryOptions,
    story_similarity,
)


def test_nearest_members_and_closest_blend() -> None:
    sims = [0.9, 0.5, 0.4, 0.0, 0.0, 0.0]
    o = StoryOptions(nearest_members=3, closest_weight=0.3)
    assert abs(story_similarity(sims, o) - (0.7 * 0.6 + 0.3 * 0.9)) < 1e-9
    # nearest_members=0 and closest_weight=0 is the plain mean over all members.
    assert abs(story_similarity(sims, StoryOptions(nearest_members=0, closest_weight=0.0)) - 0.3) < 1e-9


def test_a_follow_up_joins_a_story_that_has_drifted() -> None:
    # A story of three articles on the arrest and three on the trial; the verdict shares words with
    # the trial articles only. Its mean over all six members is 0.34, under the threshold; over
    # its nearest members, blended with the closest, 0.55: it joins.
    index = MemoryIndex()
    clusterer = StoryClusterer(index, StoryOptions(threshold=0.45, nearest_members=3, closest_weight=0.3))
    arrest = {"smith": 3.0, "arrest": 2.0, "police": 2.0, "warehouse": 1.0}
    trial = {"smith": 3.0, "trial": 2.0, "court": 2.0, "jury": 1.0}
    for i, terms in enumerate([arrest, arrest, arrest, trial, trial, trial]):
        index.story_add_terms(f"a{i}", terms, None)
        if i == 0:
            story = index.story_new("a0")
        else:
            index.story_join(story, f"a{i}", 1.0)
    for j in range(20):  # other news, so that the story's words are rare ones
        clusterer.add(f"x{j}", {f"other{j}": 2.0, "weather": 1.0}, None)
    verdict = clusterer.add("v", {"smith": 1.0, "jury": 2.0, "court": 2.0, "verdict": 2.0}, None)
    assert verdict.story_id == story and not verdict.new
    assert 0.5 < verdict.similarity < 0.6
