import type { Metadata } from "next";
import Link from "next/link";
import { VisitorStartLinks } from "../site-header";
import { BarChart } from "@/components/charts/bar-chart";
import { RangeChart } from "@/components/charts/range-chart";
import { formatThousands } from "@/components/charts/scale";
import { ExamplePosition } from "@/components/marketing/example-position";
import { NumberBadge, Section } from "@/components/marketing/section";
import { CARD, CONTAINER, TEXT_LINK } from "@/components/marketing/styles";
import { buttonStyles } from "@/components/ui/button";
import { CATALOG, type Education, formatSalaryBand } from "@/lib/catalog";
import { EXPIRY_WARNING_DAYS } from "@/lib/ladder";

export const metadata: Metadata = {
  title: { absolute: "Ladder: your Machine Learning Engineer career, step by step" },
  description:
    "The Machine Learning Engineer career path at a glance: five rungs with their salary bands, eight steps, certifications, education, skills and career tracks. Track your own progress with Ladder.",
};

const { ladder, steps, certifications, education, skills, tracks, factors } = CATALOG;
const topScore = Math.max(...factors.map((f) => f.score));
/** The rung whose rules ask for every essential skill, named from the rule data. */
const skillsRung = ladder.find((level) =>
  level.requirements.some((r) => r.kind === "allOf" && skills.every((skill) => r.itemIds.includes(skill.id))),
);
const lowScore = Math.min(...factors.map((f) => f.score));
const highest = factors.filter((f) => f.score === topScore);
const lowest = factors.filter((f) => f.score === lowScore);

/** Education paths under the article's own line titles, in the article's order. */
function groupEducation(paths: readonly Education[]) {
  const groups = new Map<string, Education[]>();
  for (const path of paths) groups.set(path.group, [...(groups.get(path.group) ?? []), path]);
  return [...groups].map(([title, items]) => {
    // A group the education list lacks comes from a step's sentence (step 4's advanced degrees).
    const fromStep = steps.find((step) => step.summary.includes(title));
    return { title, items, fromStep, summary: fromStep?.summary ?? items[0]?.summary ?? "" };
  });
}

export default function HomePage() {
  const bands = ladder.map((level) => ({
    id: level.id,
    label: level.title,
    min: level.salaryMin,
    max: level.salaryMax,
    valueLabel: formatSalaryBand(level.salaryMin, level.salaryMax),
  }));
  const first = ladder[0];
  const top = ladder[ladder.length - 1];

  return (
    <main id="main">
      <section aria-labelledby="hero-heading" className="relative overflow-hidden">
        <div
          aria-hidden="true"
          className="absolute inset-x-0 top-0 -z-10 h-full bg-gradient-to-b from-blue-50 to-white dark:from-blue-950/40 dark:to-slate-950"
        />
        <div className={`${CONTAINER} grid items-center gap-12 py-14 sm:py-20 lg:grid-cols-[1.15fr_1fr] lg:gap-16`}>
          <div>
            <p className="text-sm font-semibold text-blue-700 dark:text-blue-300">
              A learning-plan tracker for Machine Learning Engineers
            </p>
            <h1
              id="hero-heading"
              className="mt-3 text-4xl font-bold tracking-tight text-balance text-slate-950 sm:text-5xl dark:text-white"
            >
              Know which rung you are on, and what the next one takes.
            </h1>
            <p className="mt-5 max-w-xl text-base leading-7 text-pretty sm:text-lg sm:leading-8 text-slate-700 dark:text-slate-300">
              Ladder follows the Machine Learning Engineer career path from {first?.title} to {top?.title}. Check
              off the {steps.length} career steps, your certifications, education and essential skills, and see where
              that puts you on the ladder, what the next rung asks for, and each rung&rsquo;s salary band.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <VisitorStartLinks primaryClass={buttonStyles.primary} secondaryClass={buttonStyles.secondary} />
            </div>
            <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
              No guesswork about your level:{" "}
              <Link href="/how-it-works" className={TEXT_LINK}>
                see exactly how it is computed
              </Link>
              .
            </p>
          </div>
          <ExamplePosition />
        </div>
      </section>

      <Section
        id="ladder"
        eyebrow="Career progression"
        title={`${ladder.length} rungs, from ${first?.shortTitle} to ${top?.shortTitle}`}
        intro={
          <p>
            The typical progression and salary brackets as the article gives them, sourced from Talent.com. The
            article does not say which country, year or employers the figures describe.
          </p>
        }
        isTinted
      >
        <figure className={`${CARD} p-5 sm:p-8`}>
          <figcaption className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
            <span className="text-base font-semibold">Salary band per rung</span>
            <span className="text-sm text-slate-600 dark:text-slate-400">Lowest to highest figure of each bracket</span>
          </figcaption>
          <RangeChart
            id="salary-chart"
            title="Salary bands of the five rungs"
            description={`Horizontal bars from each rung's lowest to highest salary, sourced from Talent.com: ${bands
              .map((b) => `${b.label} ${b.valueLabel}`)
              .join("; ")}.`}
            rows={bands}
            formatTick={formatThousands}
            columns={["Rung", "Salary band"]}
          />
        </figure>

        <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {ladder.map((level, i) => (
            <li key={level.id} className={`${CARD} p-5`}>
              <div className="flex items-center gap-3">
                <NumberBadge n={i + 1} />
                <h3 className="font-semibold leading-snug">{level.title}</h3>
              </div>
              <p className="mt-3 text-sm font-semibold tabular-nums text-blue-800 dark:text-blue-200">
                {formatSalaryBand(level.salaryMin, level.salaryMax)}
              </p>
              <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{level.summary}</p>
            </li>
          ))}
          <li className="flex flex-col justify-center rounded-2xl border border-dashed border-slate-300 p-5 dark:border-slate-700">
            <p className="font-semibold">What does each rung require?</p>
            <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">
              The article describes the roles, not the criteria. Ladder&rsquo;s rules are open.
            </p>
            <Link href="/how-it-works" className={`${TEXT_LINK} mt-3 inline-flex min-h-11 items-center text-sm`}>
              How your level is computed
            </Link>
          </li>
        </ol>
      </Section>

      <Section
        id="steps"
        eyebrow="The path"
        title={`${steps.length} steps to become a Machine Learning Engineer`}
        intro={
          <p>
            The article&rsquo;s steps, in its order. In Ladder each one is a checklist item; a degree or a
            certification you record counts towards its step.
          </p>
        }
      >
        <ol className="grid gap-x-10 gap-y-8 md:grid-cols-2">
          {steps.map((step) => (
            <li key={step.id} className="flex gap-4">
              <NumberBadge n={step.order} />
              <div>
                <h3 className="font-semibold leading-8">{step.title}</h3>
                <p className="mt-1 text-sm leading-6 text-slate-600 dark:text-slate-400">{step.summary}</p>
              </div>
            </li>
          ))}
        </ol>
      </Section>

      <Section
        id="education"
        eyebrow="Education and certifications"
        title="Degrees and certifications that count"
        intro={
          <p>
            The common degrees the article lists, grouped as it groups them, and the two certifications it names.
          </p>
        }
        isTinted
      >
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <ul className="grid gap-4 sm:grid-cols-2">
            {groupEducation(education).map((group) => (
              <li key={group.title} className={`${CARD} flex flex-col p-5`}>
                <h3 className="font-semibold leading-snug">{group.title}</h3>
                {group.fromStep ? (
                  <p className="mt-1 text-xs font-medium text-slate-600 dark:text-slate-400">
                    From step {group.fromStep.order}, &ldquo;{group.fromStep.title}&rdquo;
                  </p>
                ) : null}
                <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{group.summary}</p>
                <ul className="mt-4 flex flex-wrap gap-2" aria-label="Paths you can record">
                  {group.items.map((item) => (
                    <li
                      key={item.id}
                      className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200"
                    >
                      {item.title}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <div className={`${CARD} p-5`}>
            <h3 className="font-semibold">Certifications</h3>
            <p className="mt-1 text-sm leading-6 text-slate-600 dark:text-slate-400">
              Named in step 3 and, apart from degrees, in the article&rsquo;s educational requirements.
            </p>
            <ul className="mt-4 space-y-3">
              {certifications.map((cert) => (
                <li key={cert.id} className="flex gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-blue-700 dark:fill-blue-300">
                    <path d="M10 1.5l2.2 1.6 2.7-.1.9 2.6 2.2 1.6-.8 2.6.8 2.6-2.2 1.6-.9 2.6-2.7-.1L10 18.5l-2.2-1.6-2.7.1-.9-2.6-2.2-1.6.8-2.6-.8-2.6 2.2-1.6.9-2.6 2.7.1L10 1.5zm-1 11.3l5-5-1.2-1.2L9 10.4 7.2 8.6 6 9.8l3 3z" />
                  </svg>
                  <span className="text-sm font-medium">{cert.title}</span>
                </li>
              ))}
            </ul>
            <p className="mt-4 text-sm leading-6 text-slate-600 dark:text-slate-400">
              The article gives no validity period. If yours expires, record the date: Ladder stops counting it after
              that day and warns you {EXPIRY_WARNING_DAYS} days before. You can add certifications the article does
              not name.
            </p>
          </div>
        </div>
      </Section>

      <Section
        id="skills"
        eyebrow="Essential skills"
        title={`The ${skills.length} skills every Machine Learning Engineer needs`}
        intro={
          skillsRung ? (
            <p>
              The article&rsquo;s essential skills. Ladder asks for all {skills.length} to reach {skillsRung.title}.
            </p>
          ) : undefined
        }
      >
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {skills.map((skill) => (
            <li key={skill.id} className={`${CARD} p-5`}>
              <h3 className="font-semibold leading-snug">{skill.title}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{skill.summary}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="tracks"
        eyebrow="Career tracks"
        title={`${tracks.length} ways to specialize as an MLE`}
        intro={<p>Depending on the organization&rsquo;s size, industry and goals, the role takes different shapes. Pick the track you follow in your settings.</p>}
        isTinted
      >
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
          {tracks.map((track, i) => (
            // Three cards, then two wider ones: five tracks fill two full rows.
            <li key={track.id} className={`${CARD} p-5 ${i < 3 ? "lg:col-span-2" : "lg:col-span-3"}`}>
              <h3 className="font-semibold">{track.title}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600 dark:text-slate-400">{track.summary}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="factors"
        eyebrow="Is it a good career path?"
        title={`How the article scores ${factors.length} factors`}
        intro={
          <p>
            The article gives each factor a score but does not state the scale. The bars run to {topScore}, the
            highest score it gives.
          </p>
        }
      >
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr] lg:items-start">
          <figure className={`${CARD} p-4 sm:p-8`}>
            <figcaption className="mb-6 text-base font-semibold">Factor scores</figcaption>
            <BarChart
              id="factor-chart"
              title="Career factor scores"
              description={`Horizontal bars out of ${topScore}: ${factors.map((f) => `${f.title} ${f.score}`).join("; ")}.`}
              rows={factors.map((f) => ({ id: f.id, label: f.title, value: f.score, valueLabel: `Score: ${f.score}` }))}
              max={topScore}
              columns={["Factor", "Score"]}
            />
          </figure>
          <div className={`${CARD} space-y-4 p-5 text-sm leading-6 text-slate-700 sm:p-6 dark:text-slate-300`}>
            <h3 className="text-base font-semibold text-slate-900 dark:text-white">Reading the scores</h3>
            <p>
              Highest, at {topScore}: {highest.map((f) => f.title).join(" and ")}. Lowest, at {lowScore}:{" "}
              {lowest.map((f) => f.title).join(" and ")}.
            </p>
            <p>
              The article explains each score in a sentence or two, quoted below. It does not say how the scores were
              arrived at.
            </p>
          </div>
        </div>
        <dl className="mt-10 grid gap-x-8 gap-y-6 sm:grid-cols-2 lg:grid-cols-4">
          {factors.map((f) => (
            <div key={f.id}>
              <dt className="text-sm font-semibold">
                {f.title}{" "}
                <span className="ml-1 inline-block rounded bg-blue-50 px-1.5 text-xs font-semibold tabular-nums text-blue-800 dark:bg-blue-950 dark:text-blue-200">
                  {f.score}
                </span>
              </dt>
              <dd className="mt-1.5 text-sm leading-6 text-slate-600 dark:text-slate-400">{f.summary}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <section aria-labelledby="cta-heading" className="bg-blue-700 dark:bg-blue-950">
        <div className={`${CONTAINER} flex flex-col items-start gap-6 py-14 sm:flex-row sm:items-center sm:justify-between`}>
          <div>
            <h2 id="cta-heading" className="text-2xl font-bold tracking-tight text-white">
              Start tracking your path
            </h2>
            <p className="mt-2 text-blue-100">Check off what you have done and see which rung it puts you on.</p>
          </div>
          <div className="flex flex-wrap gap-3">
            <VisitorStartLinks
              primaryClass="inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-blue-800 shadow-sm hover:bg-blue-50"
              secondaryClass="inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2.5 text-sm font-semibold text-white ring-1 ring-white/60 ring-inset hover:bg-white/10"
            />
          </div>
        </div>
      </section>
    </main>
  );
}
