/**
 * Starter draft seeded for demo users: an analysis piece on the May 2025
 * Istanbul talks between Russia and Ukraine. The project wrote the text in
 * its own words, using facts from public reporting.
 *
 * The content is ProseMirror JSON for Tiptap's StarterKit schema. It uses only
 * headings (levels 2 and 3), paragraphs, bullet and ordered lists, a
 * blockquote, and bold and italic marks. The title is stored separately, so
 * the document has no level-1 heading.
 */
import type { JSONContent } from "@tiptap/core";

export const ISTANBUL_ANALYSIS_TITLE =
  "Istanbul talks: what the first direct Russia–Ukraine meeting since 2022 achieved";

type Mark = "bold" | "italic";
type Inline = string | JSONContent;

function text(value: string, ...marks: Mark[]): JSONContent {
  return marks.length > 0
    ? { type: "text", text: value, marks: marks.map((type) => ({ type })) }
    : { type: "text", text: value };
}

const bold = (value: string): JSONContent => text(value, "bold");
const italic = (value: string): JSONContent => text(value, "italic");

function paragraph(...parts: Inline[]): JSONContent {
  return {
    type: "paragraph",
    content: parts.map((part) => (typeof part === "string" ? text(part) : part)),
  };
}

function heading(level: 2 | 3, value: string): JSONContent {
  return { type: "heading", attrs: { level }, content: [text(value)] };
}

function listItem(...parts: Inline[]): JSONContent {
  return { type: "listItem", content: [paragraph(...parts)] };
}

function bulletList(...items: JSONContent[]): JSONContent {
  return { type: "bulletList", content: items };
}

function orderedList(...items: JSONContent[]): JSONContent {
  return { type: "orderedList", attrs: { start: 1 }, content: items };
}

function blockquote(...paragraphs: JSONContent[]): JSONContent {
  return { type: "blockquote", content: paragraphs };
}

function table(header: string[], ...rows: string[][]): JSONContent {
  const cell = (type: "tableHeader" | "tableCell", value: string): JSONContent => ({ type, content: [paragraph(value)] });
  return {
    type: "table",
    content: [
      { type: "tableRow", content: header.map((value) => cell("tableHeader", value)) },
      ...rows.map((row) => ({ type: "tableRow", content: row.map((value) => cell("tableCell", value)) })),
    ],
  };
}

export const istanbulTalksAnalysis: JSONContent = {
  type: "doc",
  content: [
    paragraph(
      "On 16 May 2025, Russian and Ukrainian officials met face to face for the first time in more than three years. The host was Türkiye, the city was Istanbul, and expectations in public were kept low. The meeting lasted under two hours. It produced one firm result and left the main questions open.",
    ),
    paragraph(
      "That result was an agreement to exchange ",
      bold("1,000 prisoners of war each"),
      ". The swap went ahead in the following days and weeks and became the largest of the war. On the question that matters most, how and when the fighting might stop, the delegations left roughly where they started. This draft sets out what the meeting produced, where the gaps remain, and why Türkiye's part as host deserves a look of its own.",
    ),

    heading(2, "The setting"),
    paragraph(
      "The delegations met at the Dolmabahçe presidential office, the working office at Dolmabahçe Palace. Turkish Foreign Minister ",
      bold("Hakan Fidan"),
      " opened and chaired the session.",
    ),
    paragraph(
      "The choice of city carried meaning. Istanbul was also where the two sides last negotiated directly, in the spring of 2022, before that effort broke down. Going back there showed continuity on Türkiye's side, even though a great deal had changed since then, both on the battlefield and in the capitals that back Kyiv.",
    ),
    paragraph(
      "Neither head of state took part. Presidents Vladimir Putin and Volodymyr Zelensky stayed away. Russia's delegation was led by presidential aide ",
      bold("Vladimir Medinsky"),
      ", and Ukraine's by Defence Minister ",
      bold("Rustem Umerov"),
      ". With the leaders absent, one question hung over the room from the start: how much was each delegation actually allowed to agree?",
    ),

    heading(2, "What was agreed"),
    paragraph(
      "Set against the size of the conflict, the list of outcomes is short. It breaks down into three items:",
    ),
    bulletList(
      listItem(
        bold("A prisoner exchange."),
        " Each side agreed to release 1,000 prisoners of war. Unlike the other two items, this was a firm commitment with a result anyone could check, and it was carried out.",
      ),
      listItem(
        bold("Ceasefire proposals in writing."),
        " The sides discussed each setting out, on paper, its own vision of a possible ceasefire. This is a process step. It may help, but only if the documents appear and are taken seriously.",
      ),
      listItem(
        bold("A possible leaders' meeting."),
        " The idea of a meeting between the presidents was raised. No timetable or format was fixed.",
      ),
    ),
    paragraph(
      "The prisoner exchange should not be dismissed as a side issue. Humanitarian steps are often the first thing opponents can agree on, because neither side has to give ground on the core dispute to make them happen. They also test whether each side will deliver on a commitment, which matters for anything more ambitious that follows. The two process steps are a different matter. They are useful if they are followed through, but ",
      italic("easy to let stall"),
      ", and nothing in the Istanbul outcome forces either side to move quickly.",
    ),

    heading(2, "What was not agreed"),
    paragraph(
      "There was ",
      bold("no ceasefire"),
      ", and the reasons go deeper than a short meeting.",
    ),
    paragraph(
      "Ukraine and its European backers called for an unconditional 30-day ceasefire as a first step, with talks on a wider settlement to follow. Russia took the opposite approach. It argued that any settlement must deal with what Moscow calls the ",
      italic("root causes"),
      " of the conflict, and its demands reportedly included a Ukrainian withdrawal from regions that Russia claims. Kyiv rejected them.",
    ),
    table(
      ["Side", "Asked for", "What came out"],
      ["Ukraine", "An unconditional 30-day ceasefire first, then talks", "No ceasefire"],
      ["Russia", "A settlement of the “root causes” first, including withdrawal from regions it claims", "Rejected by Kyiv"],
      ["Both", "A prisoner exchange", "1,000 for 1,000, carried out"],
    ),
    paragraph(
      "These positions differ in more than degree. They differ in order and in substance. One side wants the guns to fall silent before the hardest questions are tackled. The other wants those questions settled, largely on its terms, before the guns fall silent. Three obstacles stand out:",
    ),
    orderedList(
      listItem(
        bold("Order of steps."),
        " A ceasefire first, or a settlement first? Until that is resolved, talks risk going in circles, with each side treating the other's starting point as a precondition it cannot accept.",
      ),
      listItem(
        bold("Territory."),
        " Demands tied to regions Russia claims run into a firm Ukrainian refusal. This is the hardest gap to close and the least likely to move in a technical-level meeting.",
      ),
      listItem(
        bold("Who is at the table."),
        " Without the leaders present, the room for big trade-offs is limited. That helps explain why the talk of a future leaders' meeting carried so much weight.",
      ),
    ),

    heading(2, "Türkiye's role as mediator"),
    paragraph(
      "Türkiye brings an unusual mix of credentials to this role. It hosted the 2022 Istanbul talks. It brokered the ",
      bold("Black Sea Grain Initiative"),
      " with the United Nations the same year, one of the few wartime arrangements involving both sides that delivered results over a sustained period. And it keeps working relations with both Moscow and Kyiv while remaining a member of NATO, a combination few other states can claim.",
    ),
    paragraph(
      "President Recep Tayyip Erdoğan offered to host further rounds, and Ankara's interest is clear enough. Being the venue both sides will accept brings diplomatic standing and a seat close to any future settlement. But ",
      italic("hosting is not the same as brokering a deal"),
      ". Türkiye's leverage over the core positions of either party is limited. What it can offer is a neutral-enough setting, a chair who can keep the session moving, and a record of turning narrow agreements, such as the grain deal, into working arrangements.",
    ),
    heading(3, "Why the venue matters"),
    paragraph(
      "It is easy to treat the venue as a detail. It is not one. A channel that both sides trust enough to use is scarce, and once lost it is hard to rebuild. Whatever the limits of the first meeting, Türkiye has kept such a channel open.",
    ),

    heading(2, "The diplomatic backdrop"),
    paragraph(
      "The Istanbul meeting did not happen in isolation. On 14–15 May 2025, just before the talks, NATO foreign ministers met informally in Antalya, also in Türkiye. Ankara thus hosted both the alliance gathering and the Russia–Ukraine meeting in the same week, and made full use of that position.",
    ),
    {
      type: "relatedCard",
      attrs: {
        href: "https://www.nato.int/",
        headline: "NATO foreign ministers in Antalya, 14–15 May 2025",
        teaser: "The alliance met in Türkiye the same week, a day before the Istanbul talks.",
      },
    },
    paragraph(
      "On the day of the talks itself, a separate Turkish–US–Ukrainian meeting took place in Istanbul, attended by US Secretary of State ",
      bold("Marco Rubio"),
      ". Meetings in other formats were held around the main session. The direct talks were therefore the centre of a wider cluster of diplomacy. That matters for reading the results. Much of the signalling, particularly between Kyiv and Washington, happened next to the Russia–Ukraine table rather than at it.",
    ),

    blockquote(
      paragraph(
        bold("Key takeaway:"),
        " Istanbul restarted direct contact between Russia and Ukraine and delivered a large humanitarian result, but it did not narrow the gap on a ceasefire. Judge the process by whether the follow-up steps happen, not by the fact that a meeting took place.",
      ),
    ),

    heading(2, "What followed, and what to watch"),
    paragraph(
      "The prisoner exchange went ahead as agreed, and a second round of direct talks was held in Istanbul on 2 June 2025. That kept the channel open. It does not by itself show that the basic disagreement has narrowed. The following points are worth tracking:",
    ),
    bulletList(
      listItem(
        bold("The written proposals."),
        " Do both sides put their ceasefire visions on paper, and do the texts show any overlap on the order of steps?",
      ),
      listItem(
        bold("A leaders' meeting."),
        " Does the idea gain a date, a venue or an agenda, or does it stay hypothetical?",
      ),
      listItem(
        bold("Further humanitarian steps."),
        " More exchanges would suggest the channel is producing results even while the political track stalls.",
      ),
      listItem(
        bold("Türkiye's position."),
        " Does Ankara stay the preferred venue, and does its parallel work with Washington and European capitals shape the terms under discussion?",
      ),
    ),
    paragraph(
      "For now, the Istanbul meeting is best seen as ",
      italic("a restart rather than a breakthrough"),
      ". It showed that the two sides can still meet, agree on limited steps and carry them out. It also showed, just as clearly, how far apart they remain on what an end to the war should look like.",
    ),
  ],
};
