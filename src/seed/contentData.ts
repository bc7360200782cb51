/**
 * Demo content of each website: who writes, what about, and the service pages it sells.
 * Alpha Essays writes for students of the humanities, Beta Papers for science and
 * professional programmes, so the two blogs (and their search, feeds and sitemaps) differ.
 */

export type SeedAuthor = { name: string; bio: string; credentials: string; expertise: string[] }
/** A blog post: category/tags/author/service are indexes into the website's lists. */
export type SeedPost = {
  title: string
  lead: string
  sections: [heading: string, text: string][]
  category: number
  tags: number[]
  author: number
  /** The service page it sells (none: the pre-publish check warns about it). */
  service?: number
  faq?: [question: string, answer: string][]
  status?: 'draft' | 'scheduled'
}
export type SeedPage = {
  title: string
  template: 'essay' | 'technical' | 'healthcare' | 'admissions' | 'editing'
  headline: string
  summary: string
  text: string
  pricingFrom: number
  blocks: Record<string, unknown>[]
}
export type SeedSite = {
  siteName: string
  description: string
  organizationName: string
  authors: SeedAuthor[]
  categories: [name: string, description: string][]
  tags: string[]
  pages: SeedPage[]
  posts: SeedPost[]
}

const faq = (heading: string, items: [string, string][]) => ({ blockType: 'faq', heading, items: items.map(([question, answer]) => ({ question, answer })) })
const cta = (heading: string, text: string, buttonLabel: string) => ({ blockType: 'cta', heading, text, buttonLabel, buttonUrl: '/order' })
const pricing = (heading: string, paperTypes: string[], note: string) => ({ blockType: 'pricingTable', heading, paperTypes, note })
const testimonials = (heading: string, items: [string, string, string][]) => ({ blockType: 'testimonials', heading, items: items.map(([quote, author, role]) => ({ quote, author, role })) })
const comparison = (heading: string, columns: string[], rows: [string, ...string[]][]) => ({ blockType: 'comparisonTable', heading, columns, rows: rows.map(([label, ...values]) => ({ label, values })) })
const features = (heading: string, items: [string, string][]) => ({ blockType: 'featureGrid', heading, features: items.map(([title, text]) => ({ title, text })) })

/** The five service pages, worded for the website's readers. */
const servicePages = (brand: string, field: string, proof: [string, string, string][]): SeedPage[] => [
  {
    title: 'Essay Writing Service',
    template: 'essay',
    headline: `Essays that argue, not just describe — written by ${brand}'s graduates`,
    summary: `Original essays in ${field}, planned with you and delivered on time, with free revisions.`,
    text: `Every essay starts from your prompt and rubric. A writer with a degree in the subject drafts an outline first, so the argument is agreed before a single paragraph is written.`,
    pricingFrom: 14,
    blocks: [
      pricing('Essay prices', ['essay', 'creative'], 'Prices per page at the standard deadline; shorter deadlines cost more.'),
      faq('Essay questions', [
        ['Can I talk to my writer?', 'Yes. Messages go through your order page, and you can send notes or files at any time.'],
        ['Is the essay original?', 'Every essay is written from scratch and checked for overlap before delivery.'],
      ]),
      cta('Start your essay', 'Tell us the prompt and the deadline; the price is shown before you pay.', 'Get a price'),
    ],
  },
  {
    title: 'Technical Writing',
    template: 'technical',
    headline: 'Reports, specifications and lab write-ups with the numbers right',
    summary: `Lab reports, technical papers and data write-ups in ${field}, with tables and figures done properly.`,
    text: 'Technical writing is judged on precision. Our technical writers check units, significant figures and the logic from method to conclusion.',
    pricingFrom: 18,
    blocks: [
      features('What you get', [
        ['Checked calculations', 'Every figure is recomputed from your data.'],
        ['Proper figures', 'Charts and tables labelled to your style guide.'],
        ['Plain method', 'A method section another student could repeat.'],
      ]),
      comparison('Standard or expert writer', ['Standard', 'Expert'], [
        ['Degree in the subject', 'Bachelor', 'Master or PhD'],
        ['Data analysis', 'Descriptive', 'Inferential and modelling'],
      ]),
    ],
  },
  {
    title: 'Nursing and Healthcare Papers',
    template: 'healthcare',
    headline: 'Care plans, case studies and evidence reviews by nurses',
    summary: 'Nursing papers written by registered nurses who know current evidence-based practice.',
    text: 'Healthcare assignments need clinical accuracy and current sources. Our writers hold nursing or public-health qualifications and cite guidelines from the last five years.',
    pricingFrom: 17,
    blocks: [
      testimonials('What nursing students say', proof),
      faq('Nursing paper questions', [
        ['Do you follow PICOT?', 'Yes. Evidence-based practice papers follow PICOT or the framework your course uses.'],
        ['Which guidelines do you cite?', 'Current national guidelines and peer-reviewed studies, no older than five years unless you ask.'],
      ]),
    ],
  },
  {
    title: 'Admissions Essays',
    template: 'admissions',
    headline: 'Personal statements that sound like you, only clearer',
    summary: 'Personal statements and application essays, built from an interview about your own story.',
    text: 'Admissions readers look for a person, not a template. We interview you about your experiences and shape them into a statement in your own voice.',
    pricingFrom: 25,
    blocks: [
      features('How it works', [
        ['Interview', 'A questionnaire about your goals and experiences.'],
        ['Draft', 'A first draft within the deadline you choose.'],
        ['Polish', 'Two rounds of revisions until it reads as yours.'],
      ]),
      testimonials('Admitted students', proof.slice(0, 2)),
      cta('Start your statement', 'Share the programme and the word limit to see the price.', 'Begin'),
    ],
  },
  {
    title: 'Editing and Proofreading',
    template: 'editing',
    headline: 'Clear, correct and consistent — without changing your argument',
    summary: 'Line editing and proofreading of papers you have written, with tracked changes.',
    text: 'Editors fix grammar, flow and referencing, and leave comments where an argument needs your attention. Every change is tracked so you learn from it.',
    pricingFrom: 8,
    blocks: [
      comparison('Proofreading or editing', ['Proofreading', 'Editing'], [
        ['Grammar and spelling', 'Yes', 'Yes'],
        ['Structure and flow', 'No', 'Yes'],
        ['Reference check', 'Format only', 'Format and sources'],
      ]),
      pricing('Editing prices', ['editing'], 'Per page of your existing text.'),
      cta('Send your draft', 'Upload your paper and choose the deadline.', 'Get it edited'),
    ],
  },
]

export const SEED_CONTENT: Record<string, SeedSite> = {
  alpha: {
    siteName: 'Alpha Essays Blog',
    description: 'Essay writing advice for humanities students: arguments, sources and style, from Alpha Essays.',
    organizationName: 'Alpha Essays Ltd',
    authors: [
      { name: 'Helen Marsh', bio: 'Former writing-centre tutor who has marked thousands of undergraduate essays.', credentials: 'MA English Literature', expertise: ['Argument', 'Literature'] },
      { name: 'Daniel Okafor', bio: 'Historian who teaches source criticism to first-year students.', credentials: 'PhD History', expertise: ['History', 'Research'] },
      { name: 'Priya Raman', bio: 'Philosophy lecturer and editor of a student journal.', credentials: 'MPhil Philosophy', expertise: ['Philosophy', 'Editing'] },
    ],
    categories: [
      ['Essay Writing', 'Planning, drafting and finishing essays.'],
      ['Research Skills', 'Finding, judging and using sources.'],
      ['Citation Styles', 'MLA, Chicago and Harvard made simple.'],
      ['Student Life', 'Deadlines, feedback and staying sane.'],
    ],
    tags: ['thesis statement', 'MLA', 'Chicago', 'close reading', 'primary sources', 'deadlines'],
    pages: servicePages('Alpha Essays', 'literature, history and philosophy', [
      ['My care plan came back with comments I could actually use.', 'Grace', 'BSN student'],
      ['Clear, honest and on time. My tutor noticed the improvement.', 'Tom', 'History undergraduate'],
      ['They kept my voice and fixed everything else.', 'Ana', 'Law applicant'],
    ]),
    posts: [
      { title: 'How to Write a Thesis Statement That Holds an Essay Together', lead: 'A thesis statement is a promise: it tells the reader what you will prove and in what order.', sections: [['Make a claim someone could dispute', 'If nobody could disagree, it is a fact, not a thesis. Take a side and name your reasons.'], ['Test it against every paragraph', 'Each body paragraph should prove part of the thesis; if one does not, change the paragraph or the thesis.']], category: 0, tags: [0], author: 0, service: 0, faq: [['How long is a thesis statement?', 'One or two sentences, usually at the end of the introduction.'], ['Can a thesis change while I write?', 'Yes — revise it once the draft shows what you actually argued.']] },
      { title: 'Close Reading: Turning a Quotation Into an Argument', lead: 'Quoting is easy; reading closely is what earns marks.', sections: [['Slow down on single words', 'Ask why the author chose this word over its synonyms, and what it does to the sentence.'], ['Connect the detail to the whole', 'A close reading ends by showing how the detail supports your reading of the whole text.']], category: 0, tags: [3], author: 0, service: 0 },
      { title: 'MLA Format in Ten Minutes', lead: 'MLA looks fussy until you see it is built from a few repeated rules.', sections: [['The core elements', 'Author, title, container, contributors, version, number, publisher, date and location — in that order.'], ['In-text citations', 'Author and page number in parentheses, with no comma between them.']], category: 2, tags: [1], author: 2, service: 4, faq: [['Does MLA need a title page?', 'No. Put your name, instructor, course and date at the top left of the first page.']] },
      { title: 'Chicago Footnotes Without Tears', lead: 'Historians love footnotes because they keep the argument clean and the evidence close.', sections: [['Full note, then short note', 'Cite a source in full the first time and with a short form after that.'], ['The bibliography', 'List every source alphabetically by author surname at the end.']], category: 2, tags: [2], author: 1, service: 4 },
      { title: 'Reading Primary Sources Like a Historian', lead: 'A primary source is a witness: useful, but never neutral.', sections: [['Who wrote it and why', 'Start with the author, audience and purpose before you read a word of the content.'], ['What it cannot tell you', 'Notice the silences — who is missing from the record and why.']], category: 1, tags: [4], author: 1, service: 0 },
      { title: 'Building a Reading List in an Afternoon', lead: 'A good reading list starts from one strong recent source and works backwards.', sections: [['Mine the bibliography', 'The references of a recent review article are a ready-made list of the key debates.'], ['Keep notes as you go', 'Record the argument of each source in two sentences while it is fresh.']], category: 1, tags: [4], author: 1, service: 1 },
      { title: 'Answering the Essay Question You Were Actually Asked', lead: 'Most lost marks come from answering a question next to the one set.', sections: [['Underline the instruction word', 'Discuss, evaluate and compare each ask for a different shape of essay.'], ['Define the terms', 'If the question uses a contested term, say how you will use it.']], category: 0, tags: [0], author: 2, service: 0, faq: [['What does "evaluate" mean?', 'Weigh the strengths and weaknesses and reach a judgement.']] },
      { title: 'Using Tutor Feedback to Raise Your Next Grade', lead: 'Feedback is the cheapest tutoring you will ever get, if you act on it.', sections: [['Sort comments by kind', 'Separate comments about argument, evidence and style, and fix one kind per essay.'], ['Ask one precise question', 'Take one specific question to office hours rather than asking how to improve.']], category: 3, tags: [5], author: 0, service: 4 },
      { title: 'Planning an Essay Backwards From the Deadline', lead: 'A deadline is a plan waiting to be written down.', sections: [['Count the working days', 'Leave the last fifth of the time for revising, not for writing.'], ['Write the middle first', 'Body paragraphs are easier to write than introductions; do them first.']], category: 3, tags: [5], author: 2 },
      { title: 'Philosophy Essays: Objections and Replies', lead: 'A philosophy essay is only as strong as the best objection it answers.', sections: [['Find the strongest objection', 'Steelman the other side before you reply.'], ['Reply, then concede', 'Show where the objection fails, and admit what it gets right.']], category: 0, tags: [0, 3], author: 2, service: 0, status: 'draft' },
      { title: 'Harvard Referencing for Humanities Students', lead: 'Harvard is the author-date style most UK universities accept.', sections: [['In the text', 'Author surname and year in brackets, with a page number for quotations.'], ['Reference list', 'Alphabetical, with the year straight after the author.']], category: 2, tags: [1], author: 1, service: 4, status: 'draft' },
      { title: 'Writing Literature Reviews That Argue', lead: 'A literature review is an argument about the state of a debate, not a list of summaries.', sections: [['Group by theme', 'Organise sources by the position they take, not by the order you read them.'], ['Find the gap', 'End by naming the question the literature has not yet answered.']], category: 1, tags: [4], author: 0, service: 1, status: 'scheduled' },
    ],
  },
  beta: {
    siteName: 'Beta Papers Journal',
    description: 'Guides for science, nursing and business students: lab reports, data and professional writing, from Beta Papers.',
    organizationName: 'Beta Papers Inc.',
    authors: [
      { name: 'Marcus Lindqvist', bio: 'Lab manager who has graded chemistry and biology reports for a decade.', credentials: 'MSc Biochemistry', expertise: ['Lab reports', 'Chemistry'] },
      { name: 'Sofia Alvarez', bio: 'Registered nurse and clinical educator.', credentials: 'RN, MSN', expertise: ['Nursing', 'Evidence-based practice'] },
      { name: 'James Whitfield', bio: 'Management consultant who teaches business case analysis.', credentials: 'MBA', expertise: ['Business', 'Case studies'] },
    ],
    categories: [
      ['Lab Reports', 'Methods, results and discussion done right.'],
      ['Nursing', 'Care plans, PICOT and clinical writing.'],
      ['Business', 'Case studies and reports for business programmes.'],
      ['Data and Statistics', 'Reporting numbers honestly and clearly.'],
    ],
    tags: ['APA', 'statistics', 'PICOT', 'case study', 'methods', 'graphs'],
    pages: servicePages('Beta Papers', 'the sciences, nursing and business', [
      ['The PICOT question finally made sense after their draft.', 'Mia', 'RN-to-BSN student'],
      ['They spotted an error in my regression table before my professor did.', 'Leo', 'MBA student'],
      ['Fast, precise and the figures were perfect.', 'Hana', 'Biology undergraduate'],
    ]),
    posts: [
      { title: 'Writing the Results Section of a Lab Report', lead: 'Results report what happened; the discussion explains it. Keep them apart.', sections: [['Lead with the key finding', 'Open each paragraph with the result, then point to the table or figure.'], ['No interpretation yet', 'Save "this suggests" for the discussion section.']], category: 0, tags: [4, 5], author: 0, service: 1, faq: [['Should I include raw data?', 'Put summary tables in the results and raw data in an appendix.'], ['Past or present tense?', 'Past tense for what you did and observed.']] },
      { title: 'Graphs That Pass a Marker in Five Seconds', lead: 'A marker decides in seconds whether a graph is right.', sections: [['Label everything', 'Axis titles with units, a caption that says what the graph shows.'], ['Choose the right chart', 'Lines for change over time, bars for comparisons between groups.']], category: 3, tags: [5], author: 0, service: 1 },
      { title: 'Reporting Statistics in APA Style', lead: 'APA has a precise way to write every test statistic.', sections: [['Italicise the symbols', 'Write t, F, p and M in italics, and give exact p values.'], ['Report effect sizes', 'A significant result without an effect size tells half the story.']], category: 3, tags: [0, 1], author: 2, service: 1 },
      { title: 'PICOT Questions for Evidence-Based Practice', lead: 'PICOT turns a clinical worry into a question research can answer.', sections: [['The five parts', 'Population, intervention, comparison, outcome and time.'], ['Keep it narrow', 'A focused population gives you evidence you can actually apply.']], category: 1, tags: [2], author: 1, service: 2, faq: [['Is the T in PICOT required?', 'Not always; include a time frame when the outcome depends on one.']] },
      { title: 'How to Write a Nursing Care Plan', lead: 'A care plan links assessment to action and evaluation.', sections: [['Start from assessment data', 'Every diagnosis needs evidence from the assessment.'], ['Measurable outcomes', 'Write goals a colleague could check at the end of a shift.']], category: 1, tags: [2], author: 1, service: 2 },
      { title: 'Analysing a Business Case Study', lead: 'A case study rewards structured thinking more than long answers.', sections: [['Define the problem', 'State the decision the company faces in one sentence.'], ['Weigh the options', 'Compare two or three realistic options against the same criteria.']], category: 2, tags: [3], author: 2, service: 0, faq: [['Which framework should I use?', 'Use SWOT or Porter only when they answer the question asked.']] },
      { title: 'Writing a Methods Section Someone Could Repeat', lead: 'The test of a methods section: could another student repeat the experiment from it?', sections: [['Materials and conditions', 'Give quantities, concentrations and equipment models.'], ['Procedure in order', 'Describe the steps in the order you did them, in the past tense.']], category: 0, tags: [4], author: 0, service: 1 },
      { title: 'Executive Summaries That Busy Readers Finish', lead: 'Executives read the summary and maybe nothing else.', sections: [['Answer first', 'Put the recommendation in the first two sentences.'], ['One page at most', 'Cut anything a decision does not depend on.']], category: 2, tags: [3], author: 2, service: 4 },
      { title: 'Choosing the Right Statistical Test', lead: 'The right test follows from your data type and your question.', sections: [['Categories or numbers', 'Chi-square for counts in categories, t-tests and ANOVA for means.'], ['Check the assumptions', 'Normality and equal variances decide between parametric and non-parametric tests.']], category: 3, tags: [1], author: 0 },
      { title: 'Reflective Writing in Nursing Placements', lead: 'Reflection turns a shift into learning.', sections: [['Use a model', 'Gibbs or Driscoll give reflection a structure markers recognise.'], ['Be specific', 'Describe one event in detail rather than the whole placement.']], category: 1, tags: [2], author: 1, service: 2, status: 'draft' },
      { title: 'SWOT Analysis Beyond the Four Boxes', lead: 'A SWOT is only useful when it leads to a strategy.', sections: [['Link the boxes', 'Match strengths to opportunities and weaknesses to threats.'], ['End with actions', 'Turn each pairing into a recommendation.']], category: 2, tags: [3], author: 2, service: 0, status: 'draft' },
      { title: 'Error Analysis in Undergraduate Experiments', lead: 'Every measurement has an uncertainty; good reports say how big it is.', sections: [['Random and systematic', 'Tell apart scatter from a bias that shifts every reading.'], ['Propagate uncertainties', 'Combine them through your calculation to the final result.']], category: 0, tags: [1, 4], author: 0, service: 1, status: 'scheduled' },
    ],
  },
}
