// Auto-generated container names: "<adjective>_<surname>", as the daemon's names generator makes
// them. Our own word lists: adjectives of mood, and surnames of scientists and engineers.
import type { IdSource } from "../ports.js";

const adjectives = [
  "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful",
  "blissful", "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent",
  "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted",
  "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting",
  "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted",
  "goofy", "gracious", "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible",
  "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving",
  "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty",
  "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless",
  "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad", "serene", "sharp",
  "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty",
  "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
  "xenodochial", "youthful", "zealous", "zen",
];

const surnames = [
  "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "austin",
  "babbage", "banach", "bardeen", "bartik", "bassi", "bell", "benz", "bhabha", "bhaskara", "black",
  "blackburn", "blackwell", "bohr", "booth", "borg", "bose", "boyd", "brahmagupta", "brattain",
  "brown", "buck", "burnell", "cannon", "carson", "cartwright", "cerf", "chandrasekhar", "chaplygin",
  "chatelet", "chatterjee", "chebyshev", "clarke", "cohen", "colden", "cori", "cray", "curie",
  "darwin", "davinci", "dijkstra", "dubinsky", "easley", "edison", "einstein", "elion", "engelbart",
  "euclid", "euler", "faraday", "feistel", "fermat", "fermi", "feynman", "franklin", "gagarin",
  "galileo", "gates", "gauss", "germain", "goldberg", "goldstine", "goldwasser", "goodall", "hamilton",
  "haslett", "hawking", "heisenberg", "hermann", "herschel", "hertz", "heyrovsky", "hodgkin",
  "hofstadter", "hoover", "hopper", "hugle", "hypatia", "jackson", "jang", "jennings", "jepsen",
  "johnson", "joliot", "jones", "kalam", "kapitsa", "kare", "keldysh", "keller", "kepler", "khorana",
  "kilby", "kirch", "knuth", "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt",
  "lederberg", "lehmann", "lewin", "lichterman", "liskov", "lovelace", "lumiere", "mahavira",
  "margulis", "matsumoto", "maxwell", "mayer", "mccarthy", "mcclintock", "mclean", "mcnulty",
  "meitner", "mendel", "mendeleev", "merkle", "mestorf", "mirzakhani", "montalcini", "moore",
  "morse", "moser", "murdock", "napier", "nash", "neumann", "newton", "nightingale", "nobel",
  "noether", "northcutt", "noyce", "panini", "pare", "pascal", "pasteur", "payne", "perlman",
  "pike", "poincare", "poitras", "proskuriakova", "ptolemy", "raman", "ramanujan", "rhodes", "ride",
  "ritchie", "robinson", "roentgen", "rosalind", "rubin", "saha", "sammet", "sanderson", "satoshi",
  "shamir", "shannon", "shaw", "shirley", "shockley", "shtern", "sinoussi", "snyder", "solomon",
  "spence", "stonebraker", "sutherland", "swanson", "swartz", "swirles", "taussig", "tesla",
  "tharp", "thompson", "torvalds", "tu", "turing", "varahamihira", "vaughan", "villani",
  "visvesvaraya", "volhard", "wescoff", "wilbur", "wiles", "williams", "williamson", "wilson",
  "wing", "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky",
];

/** One candidate name; after a failed try the daemon appends a digit (retry > 0). */
export function generateName(ids: IdSource, retry: number): string {
  for (;;) {
    const name = `${adjectives[ids.randomInt(adjectives.length)]}_${surnames[ids.randomInt(surnames.length)]}`;
    // Steve Wozniak is not boring: the daemon never hands out this one.
    if (name === "boring_wozniak") continue;
    return retry > 0 ? `${name}${ids.randomInt(10)}` : name;
  }
}

export const validContainerName = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
