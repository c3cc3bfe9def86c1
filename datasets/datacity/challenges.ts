import { ChallengeTheme } from '#datacity/modules/challenge/challenge.entity';

/**
 * The 39 DataCity challenges the brochure counts, over the four seasons 2016–2019. Paris does not
 * publish the challenge list as open data: these titles and problem statements are written for
 * this dataset after the programme's themes (energy, waste, mobility, water, public space, air),
 * and everything else about a challenge (department, partners, sites, start-ups) is generated.
 */
export interface ChallengeDefinition {
  season: number;
  theme: ChallengeTheme;
  title: string;
  description: string;
}

const { ENERGY, WASTE, MOBILITY, WATER, PUBLIC_SPACE, AIR_QUALITY } = ChallengeTheme;

export const CHALLENGE_CATALOG: ChallengeDefinition[] = [
  {
    season: 2016,
    theme: ENERGY,
    title: 'Cut the heating bill of municipal schools',
    description:
      'Reduce the heating consumption of school buildings without lowering comfort, using occupancy data to drive the boilers.',
  },
  {
    season: 2016,
    theme: WASTE,
    title: 'Know when a recycling column is full',
    description:
      'Detect the filling of glass and packaging containers so that collection rounds go only where they are needed.',
  },
  {
    season: 2016,
    theme: MOBILITY,
    title: 'Smoother deliveries in the last kilometre',
    description: 'Reduce the congestion and emissions caused by goods deliveries in dense streets.',
  },
  {
    season: 2016,
    theme: ENERGY,
    title: "Show occupants their building's energy use",
    description:
      'Give the occupants of public buildings real-time feedback on consumption to trigger everyday savings.',
  },
  {
    season: 2016,
    theme: WATER,
    title: 'Find leaks in municipal buildings early',
    description: 'Detect abnormal water consumption in public buildings before it turns into a costly leak.',
  },
  {
    season: 2016,
    theme: WASTE,
    title: 'Sort more at the foot of the building',
    description:
      'Raise the sorting rate around recycling stations with better signage, feedback and guidance.',
  },
  {
    season: 2016,
    theme: PUBLIC_SPACE,
    title: 'Understand how a square is used',
    description:
      'Measure the use of a public square across the day so it can be redesigned with its residents.',
  },
  {
    season: 2016,
    theme: AIR_QUALITY,
    title: 'Breathe better in nurseries',
    description: 'Monitor and improve indoor air quality in early-childhood facilities.',
  },
  {
    season: 2016,
    theme: ENERGY,
    title: 'Store and share renewable energy locally',
    description:
      'Store the electricity produced on public roofs and share it between neighbouring buildings.',
  },

  {
    season: 2017,
    theme: WASTE,
    title: 'Collect food waste from markets and canteens',
    description:
      'Organise the separate collection of food waste so that it can be composted or turned into biogas.',
  },
  {
    season: 2017,
    theme: MOBILITY,
    title: 'Guide pedestrians along accessible routes',
    description: 'Help people with reduced mobility find step-free routes to public facilities.',
  },
  {
    season: 2017,
    theme: ENERGY,
    title: 'Predict the heat demand of a district',
    description:
      'Forecast the heating demand of public buildings a day ahead to run the production plants better.',
  },
  {
    season: 2017,
    theme: WATER,
    title: 'Use non-potable water for cleaning',
    description:
      'Use the non-potable water network for street and facility cleaning instead of drinking water.',
  },
  {
    season: 2017,
    theme: WASTE,
    title: 'Fewer bulky items left on the pavement',
    description: 'Reduce illegal dumping of bulky waste next to collection points and speed up its removal.',
  },
  {
    season: 2017,
    theme: PUBLIC_SPACE,
    title: 'Light the street only when needed',
    description: 'Adapt public lighting around facilities to actual presence while keeping people safe.',
  },
  {
    season: 2017,
    theme: AIR_QUALITY,
    title: 'Map air pollution at street level',
    description: 'Measure pollution street by street with low-cost sensors on public sites.',
  },
  {
    season: 2017,
    theme: MOBILITY,
    title: 'Share the car parks of public buildings',
    description: 'Open the under-used car parks of public buildings to residents and car-sharing at night.',
  },
  {
    season: 2017,
    theme: ENERGY,
    title: 'Keep public buildings cool without air conditioning',
    description: 'Limit summer overheating in public buildings with passive and low-energy solutions.',
  },
  {
    season: 2017,
    theme: WASTE,
    title: 'Make recycling stations pleasant to use',
    description: "Improve cleanliness, noise and ease of use around Trilib' recycling stations.",
  },

  {
    season: 2018,
    theme: ENERGY,
    title: 'Balance the load of a smart district network',
    description:
      'Shift and smooth the electricity and heat demand of an eco-district to use local renewable energy best.',
  },
  {
    season: 2018,
    theme: WASTE,
    title: 'Give textiles a second life',
    description: 'Follow textile donations from the container to reuse, and make the service better known.',
  },
  {
    season: 2018,
    theme: MOBILITY,
    title: 'Anticipate crowding around public facilities',
    description: 'Predict peaks of attendance around facilities and spread visitors across the day.',
  },
  {
    season: 2018,
    theme: WATER,
    title: 'Keep rainwater out of the sewers',
    description: 'Store or infiltrate rainwater on public sites to relieve the sewers during storms.',
  },
  {
    season: 2018,
    theme: PUBLIC_SPACE,
    title: 'Cooler schoolyards during heat waves',
    description: 'Turn schoolyards into cool islands open to the neighbourhood, and measure the effect.',
  },
  {
    season: 2018,
    theme: AIR_QUALITY,
    title: 'Clean the air of busy public halls',
    description: 'Reduce fine-particle exposure in crowded public halls and waiting rooms.',
  },
  {
    season: 2018,
    theme: WASTE,
    title: 'Plan collection rounds from fill-level data',
    description: 'Use the fill levels reported by sensors to plan collection rounds dynamically.',
  },
  {
    season: 2018,
    theme: ENERGY,
    title: 'Detect heating faults remotely',
    description: 'Spot faults in heating installations from supervision data before occupants complain.',
  },
  {
    season: 2018,
    theme: MOBILITY,
    title: 'Secure bicycle parking at public facilities',
    description:
      'Offer secure bicycle parking near public facilities and measure how it changes travel habits.',
  },
  {
    season: 2018,
    theme: WATER,
    title: 'Measure the water use of sports facilities',
    description: 'Follow the water used by swimming pools and gymnasiums and cut waste.',
  },

  {
    season: 2019,
    theme: ENERGY,
    title: 'Recover heat from public facilities',
    description:
      'Recover the waste heat of data rooms, ice rinks or swimming pools to heat neighbouring buildings.',
  },
  {
    season: 2019,
    theme: WASTE,
    title: 'Compost in the neighbourhood',
    description: 'Run community composting next to recycling stations, with residents, without nuisance.',
  },
  {
    season: 2019,
    theme: MOBILITY,
    title: "Accompany older residents' trips",
    description:
      'Help isolated older residents get out and about, in connection with volunteer accompaniment services.',
  },
  {
    season: 2019,
    theme: PUBLIC_SPACE,
    title: 'Report incidents in public space automatically',
    description: 'Detect damaged street furniture and overflowing bins without waiting for complaints.',
  },
  {
    season: 2019,
    theme: WASTE,
    title: 'Reward residents who sort',
    description: 'Encourage sorting with rewards tied to what residents actually bring to the stations.',
  },
  {
    season: 2019,
    theme: ENERGY,
    title: 'Engage tenants in eco-district energy savings',
    description: 'Involve the occupants of an eco-district in the energy savings of their buildings.',
  },
  {
    season: 2019,
    theme: WATER,
    title: 'Refill instead of buying bottled water',
    description: 'Encourage drinking tap water in public places and measure the plastic bottles avoided.',
  },
  {
    season: 2019,
    theme: PUBLIC_SPACE,
    title: 'Quieter public spaces',
    description: 'Measure and reduce noise around facilities and busy public spaces.',
  },
  {
    season: 2019,
    theme: AIR_QUALITY,
    title: 'Warn vulnerable people of pollution peaks',
    description:
      'Alert schools, nurseries and care homes ahead of pollution peaks, with advice that fits them.',
  },
  {
    season: 2019,
    theme: MOBILITY,
    title: 'Logistics hubs in under-used car parks',
    description: 'Turn under-used car parks into urban logistics hubs served by clean vehicles.',
  },
];
