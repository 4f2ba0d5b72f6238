"""Common given names whose bearers are mostly men or mostly women.

Written for newstrace by hand from general knowledge; short on purpose: it is
one piece of evidence beside the article's own (titles, "spokeswoman", the
pronouns that follow a name), used only to keep "he said" from going to a
woman and "she said" to a man.
"""

from __future__ import annotations

MALE_NAMES = frozenset(
    """aaron abdul abdullah abraham adam adrian ahmed ahmad akira alan albert alejandro alex alexander alexei
    alfred ali alistair allan amir anders andre andreas andrew andy angus anthony antonio antony
    arjun arnold arthur ashok barack barry bart ben benjamin bernard bernie bill billy bob bobby boris brad
    bradley brandon brendan brett brian bruce bryan burt byron calvin cameron carl carlos charles charlie
    chris christian christopher chuck clarence claude clifford colin connor craig curtis cyril dale damian
    dan daniel danny darren dave david dean dennis derek diego dmitry dmitri dominic don donald doug douglas
    duncan dustin dwight earl ed eddie edgar edmund edward edwin elijah elon emmanuel enrique eric erik ernest
    ethan eugene evan fabio felipe felix fernando francis francisco frank franklin fred frederick gabriel
    gareth gary gavin geoffrey george gerald gerard giorgio giovanni glenn gordon graham grant greg gregory
    gustavo guy hakeem hamid hans harold harry harvey hassan hector henry herbert howard hugh hugo ian ibrahim
    igor isaac ismail ivan jack jacob jake james jamie jan jared jason javier jay jean-pierre jeff jeffrey
    jeremy jerome jerry jesse jim jimmy joe joel johan john johnny jon jonathan jorge jose joseph josh joshua
    juan julian justin kamal karl keir keith ken kenneth kevin khalid kirk kofi kurt kyle lance larry
    lawrence leo leon leonard leroy lewis liam lloyd logan louis luis luiz luke malcolm manuel marc
    marcelo marco marcus mario mark martin marvin mason matt matthew maurice max michael miguel mike mikhail
    mitch mitchell mohamed mohammad mohammed muhammad murray nathan neil nelson nicholas nick nigel noah
    norman olaf oliver omar oscar owen pablo patrick paul pedro pete peter phil philip philippe pierre ralph
    ramon randy raul ray raymond reginald richard rick ricky rob robert roberto rod rodney roger roland ron
    ronald ross roy royce rudy russell ryan salman sam samuel scott sean sebastian sergei sergey seth shane
    sharif simon stan stanley stefan stephen steve steven stuart ted terry theodore thomas tim timothy todd
    tom tommy tony travis trevor troy tyler vernon victor vincent vladimir volodymyr walter warren wayne
    wesley william willie xavier yasser yuri zachary zack keegan brian hage nangolo peter henning seabata
    phahlane mohlomi""".split()
)

FEMALE_NAMES = frozenset(
    """abigail ada adriana adriane agnes aisha alexandra alice alicia alison allison amanda amber amelia amy
    ana andrea angela angelina anita ann anna anne annie antonia april ashley audrey barbara beatrice becky
    belinda beth betty beverly bianca bonnie brenda bridget brittany camila carla carmen carol caroline
    carolyn catherine cathy cecilia charlotte chelsea cheryl chloe christina christine cindy claire clara
    claudia colleen connie courtney crystal cynthia daisy dana daniela danielle daphne daizha deborah debra
    denise diana diane donna doris dorothy edith elaine eleanor elena elisabeth elizabeth ella ellen emily
    emma erica erin esther eva evelyn fatima fiona florence frances gabriela gail gina giorgia gloria grace
    gwen hannah harriet hazel heather heidi helen hillary holly ingrid irene iris isabel isabella jackie
    jacqueline jane janet janice jasmine jean jennifer jenny jessica jill joan joanna jocelyn josephine joy
    joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie kay kayla kelly
    kamala kimberly kristen kristin laura lauren leah lily linda lindsay lisa liz lois lori louise
    lucy lydia lynn madeleine madison margaret maria marian marie marilyn marina marjorie martha mary maya
    megan melanie melissa meredith michelle mildred miranda molly monica nadia nancy naomi natalie natasha
    nicole nina nora olivia paige pamela patricia paula pauline peggy penny phyllis priya rachel rebecca
    regina renee rita roberta rosa rose rosemary ruth sally samantha sandra sara sarah sharon sheila shirley
    sofia sonia sophia sophie stephanie sue susan suzanne sylvia tamara tanya teresa theresa tiffany tina
    tracy ursula valerie vanessa vera veronica victoria virginia wanda wendy yolanda yvonne zoe zooey
    ursula giorgia katie nicole jane jessica michele michèle nathalie""".split()
)
