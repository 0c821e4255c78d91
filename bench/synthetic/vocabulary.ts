/**
 * Word material for the synthetic corpus: research fields, each with an arXiv category and multi-word subject terms
 * (ordered from common to rare: terms are drawn with a Zipf law over this order), plus names for authors. Modelled on
 * the medical-imaging / machine-learning listings in seeds/.
 */

export interface Field {
  category: string;
  terms: string[];
}

export const FIELDS: readonly Field[] = [
  { category: "LG", terms: ["federated learning", "differential privacy", "data heterogeneity", "secure aggregation", "client drift", "communication efficiency", "model personalization", "federated averaging", "split learning", "privacy budget", "gradient leakage", "cross-silo collaboration", "label skew", "asynchronous updates"] },
  { category: "CV", terms: ["brain tumor segmentation", "semantic segmentation", "U-Net architecture", "lesion delineation", "organ segmentation", "dice loss", "boundary refinement", "multi-organ segmentation", "glioma subregions", "topological priors", "interactive segmentation", "nnU-Net baseline", "skull stripping", "vessel segmentation"] },
  { category: "IV", terms: ["diffusion models", "generative adversarial networks", "image synthesis", "synthetic data", "latent diffusion", "data augmentation", "modality translation", "super-resolution", "contrast synthesis", "denoising autoencoders", "score matching", "image inpainting", "style transfer", "mode collapse"] },
  { category: "CY", terms: ["algorithmic fairness", "demographic bias", "subgroup performance", "bias mitigation", "spurious correlations", "skin tone", "protected attributes", "shortcut learning", "health equity", "fairness metrics", "dataset bias", "underrepresented groups", "sex imbalance", "fairness auditing"] },
  { category: "LG", terms: ["uncertainty quantification", "calibration error", "deep ensembles", "Monte Carlo dropout", "conformal prediction", "out-of-distribution detection", "predictive entropy", "aleatoric uncertainty", "epistemic uncertainty", "selective prediction", "test-time augmentation", "evidential learning", "temperature scaling", "failure detection"] },
  { category: "CV", terms: ["validation metrics", "benchmarking challenges", "ranking stability", "reference annotations", "reproducibility crisis", "metric pitfalls", "inter-rater variability", "challenge design", "reporting guidelines", "leaderboard overfitting", "statistical testing", "surrogate endpoints", "quality control", "annotation protocols"] },
  { category: "IV", terms: ["image registration", "deformable registration", "landmark detection", "motion correction", "atlas construction", "diffeomorphic transforms", "affine alignment", "registration uncertainty", "keypoint matching", "longitudinal alignment", "respiratory motion", "spatial transformer networks", "similarity measures", "inverse consistency"] },
  { category: "CL", terms: ["large language models", "radiology report generation", "vision-language models", "clinical text", "prompt tuning", "visual question answering", "instruction tuning", "medical entity recognition", "retrieval augmentation", "hallucination detection", "zero-shot transfer", "report summarization", "contrastive pretraining", "clinical reasoning"] },
  { category: "IV", terms: ["cardiac MRI", "ejection fraction", "left ventricle", "myocardial infarction", "cine imaging", "late gadolinium enhancement", "strain analysis", "cardiac motion", "heart failure", "echocardiography", "coronary arteries", "scar quantification", "valve disease", "T1 mapping"] },
  { category: "QM", terms: ["whole slide images", "multiple instance learning", "stain normalization", "tissue classification", "cell detection", "tumor microenvironment", "mitotic figures", "gland segmentation", "survival prediction", "immunohistochemistry", "tile aggregation", "nuclei segmentation", "gene expression", "cancer grading"] },
  { category: "AI", terms: ["explainable AI", "saliency maps", "concept attribution", "counterfactual explanations", "interpretability methods", "attention maps", "feature attribution", "prototype networks", "model transparency", "trustworthy AI", "explanation faithfulness", "clinical decision support", "human-AI collaboration", "accountability frameworks"] },
  { category: "CV", terms: ["mammography screening", "breast density", "breast cancer detection", "digital breast tomosynthesis", "breast ultrasound", "lesion classification", "screening workflow", "false positives", "microcalcifications", "risk prediction", "dense tissue", "recall rates", "contralateral views", "radiologist agreement"] },
];

/** Terms every field uses now and then (the topic stage should find them generic). */
export const SHARED_TERMS: readonly string[] = [
  "deep learning", "convolutional neural networks", "transfer learning", "self-supervised learning", "medical imaging",
  "vision transformers", "clinical deployment", "multi-center data",
];

export const FIRST_NAMES: readonly string[] = [
  "Lena", "Annika", "Patrick", "Sarthak", "Ujjwal", "Spyridon", "Matthias", "Vivienn", "Minu", "Michael", "Sanyukta",
  "Ramya", "Angelina", "Keshava", "Richard", "Karim", "Aasa", "Andrew", "Esther", "Víctor", "Carla", "Jianmei", "Huijin",
  "Jieyun", "Thorsten", "Kaisar", "Celia", "Smriti", "Daniel", "Anneliese", "Florian", "Ivan", "Benedikt", "Marcel",
  "Mehdi", "Akis", "Raghav", "Angelos", "Ahmed", "Christoph", "Amber", "Michela", "Dominic", "Omaditya", "Nastaran",
  "Xinyang", "Zahra", "Drew", "Hamed", "İbrahim", "Álvaro", "Łukasz", "Inês", "Søren", "Chloé", "José", "Zoë", "Björn",
  "Wei", "Hongwei", "Chen", "Yuan", "Xiaojun", "Jun", "Mei", "Hiroshi", "Yuki", "Min-jun", "Seo-yeon", "Priya", "Arjun",
  "Fatima", "Omar", "Layla", "Kwame", "Amara", "Chidi", "Ngozi", "Mateo", "Valentina", "Lucía", "Camila", "Diego",
  "Giulia", "Marco", "Francesca", "Lukas", "Hannah", "Jonas", "Sophie", "Emma", "Noah", "Olivia", "Liam", "Ava",
  "Elena", "Dmitri", "Anastasia", "Katarzyna", "Tomasz", "Petra", "Jan", "Eva", "Nikos", "Eleni", "Aylin", "Mehmet",
  "Sina", "Reza", "Nazanin", "Anahita", "Tal", "Noa", "Ilkay", "Gijs", "Narmada", "Enrico", "Naida", "Afaque",
];

export const SURNAMES: readonly string[] = [
  "Maier-Hein", "Reinke", "Godau", "Pati", "Baid", "Bakas", "Eisenmann", "Weru", "Tizabi", "Baumgartner", "Adap",
  "Muthukrishnan", "Heyler", "Katti", "Osuala", "Lekadir", "Feragen", "King", "Puyol-Antón", "Campello",
  "Sendra-Balcells", "Jiang", "Wang", "Bai", "Kalb", "Kushibar", "Cintas", "Joshi", "Lang", "Riess", "Kofler", "Ezhov",
  "Wiestler", "Rosier", "Astaraki", "Linardos", "Mehta", "Filos", "Hosny", "Berger", "Simpson", "Antonelli", "LaBella",
  "Khanna", "Khalili", "Liu", "Riahi Samani", "Parker", "Akbari", "Öztürk", "García", "Kowalski", "Machado", "Nielsen",
  "Dubois", "Fernández", "Müller", "Lindqvist", "Li", "Chen", "Zhang", "Zhao", "Huang", "Sato", "Tanaka", "Kim", "Park",
  "Lee", "Sharma", "Gupta", "Patel", "Haddad", "Rahman", "Mensah", "Okafor", "Adeyemi", "Rossi", "Bianchi", "Schmidt",
  "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Smith", "Johnson", "Brown", "Taylor", "Anderson",
  "Ivanov", "Petrova", "Nowak", "Novák", "Papadopoulos", "Yılmaz", "Demir", "Karimi", "Hosseini", "Cohen", "Levi",
  "Oksuz", "Luijten", "Ambigapathy", "Nasca", "Solak", "Memon", "Pepe", "Gsaxner", "de la Rosa", "van der Berg",
  "O'Neill", "Nguyen", "Tran", "Pham", "Costa", "Silva", "Santos", "Moreau", "Lefèvre", "Jansen", "de Vries",
];

export const AFFILIATIONS: readonly string[] = [
  "eth-zurich", "utoronto", "tum", "imperial-college", "kcl", "upenn", "dkfz", "stanford", "ucl", "inria", "mit", "oxford",
];

export const MONTHS: readonly string[] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
